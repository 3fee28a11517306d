package org.cartevidence.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field a list sorts by: the name its {@code sort} parameter takes and the HQL path behind it. A list's sort fields
 * are the constants of one enum, which the list's query takes ({@link ListQuery#page}) and its operation names
 * ({@link Sorted}): so the contract documents exactly the fields the service accepts.
 */
public interface SortField {

    String parameterName();

    String path();

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
