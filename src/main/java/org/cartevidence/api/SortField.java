package org.cartevidence.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * A field a list sorts by: the name its {@code sort} parameter takes and the HQL path behind it. A list's sort fields
 * are the constants of one enum, which the list's query takes ({@link ListQuery#page}) and its operation names
 * ({@link Sorted}): so the contract documents exactly the fields the service accepts. A constant is named after the
 * field it sorts by ({@code MEDIAN_FOLLOW_UP_MONTHS}: {@code medianFollowUpMonths}), so both follow from its name.
 */
public interface SortField {

    /** The enum constant's name. */
    String name();

    /** The constant's name in lower camel case, as clients name the field in lists and views. */
    default String parameterName() {
        StringBuilder camel = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            camel.append(camel.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return camel.toString();
    }

    /**
     * The HQL path from the listed entity: its field of that name, or for a name ending in {@code Id} the id of the
     * record it points at ({@code studyId}: {@code study.id}), as the views show it.
     */
    default String path() {
        String name = parameterName();
        return name.endsWith("Id") ? name.substring(0, name.length() - 2) + ".id" : name;
    }

    /** On a list operation: the enum of its sort fields, and an example of its {@code sort} parameter. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Sorted {

        Class<? extends SortField> value();

        /** Comma-separated, as a client sends it. */
        String example();
    }
}
