package org.cartevidence.evidence;

import java.util.Map;
import java.util.TreeSet;
import org.cartevidence.api.ApiException;

/**
 * A query parameter that takes one of a few documented names, each selecting a value. Names match
 * case-insensitively; anything else is a 400 naming the parameter and the names it takes.
 */
record QueryOption<T>(String parameter, Map<String, T> choices) {

    /** The value {@code name} selects, or {@code fallback} when the parameter is absent. */
    T parse(String name, T fallback) {
        if (name == null) {
            return fallback;
        }
        return choices.entrySet().stream()
                .filter(choice -> choice.getKey().equalsIgnoreCase(name.strip()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> ApiException.badParameter(parameter,
                        "must be one of " + String.join(", ", new TreeSet<>(choices.keySet()))));
    }

    /** The documented name of {@code value}, as answers echo it. */
    String nameOf(T value) {
        return choices.entrySet().stream()
                .filter(choice -> choice.getValue() == value)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }
}
