package org.cartevidence.study;

import java.util.Optional;
import org.cartevidence.api.Problem.FieldError;

/**
 * The rules of a study that span records, written once and applied by the CRUD service and by the import alike;
 * fields are named as in a study body (the import puts its document path in front).
 */
public final class StudyRules {

    private StudyRules() {
    }

    /** No other study (stored, or earlier in the same import) has the key. */
    public static Optional<FieldError> keyUnique(boolean keyOfAnotherStudy) {
        return keyOfAnotherStudy
                ? Optional.of(new FieldError("key", "already used by another study"))
                : Optional.empty();
    }
}
