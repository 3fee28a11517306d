package org.cartevidence.api;

import java.util.ResourceBundle;

/**
 * The words a clinician reads for a coded value (ALLOGENEIC: "Donor cells (allogeneic)"), kept in one file,
 * {@code labels.properties}, rather than in each enum.
 */
public final class Labels {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("labels");

    private Labels() {
    }

    /** The label of a coded value. */
    public static String of(Enum<?> value) {
        return BUNDLE.getString(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** Whether the file has a label for {@code value}. */
    static boolean has(Enum<?> value) {
        return BUNDLE.containsKey(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}
