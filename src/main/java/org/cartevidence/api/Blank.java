package org.cartevidence.api;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import java.util.regex.Pattern;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * What blank means, once for the service and its contract: a text is blank when it has nothing but white space
 * (Unicode's White_Space property) and control characters. {@code @NotBlank} validates by this definition (instead of
 * Hibernate Validator's {@code trim()}), and the contract's pattern for it is {@link #VISIBLE} (instead of the
 * generator's {@code \S}, whose white space ECMA-262 and java.util.regex do not agree on). So "\u001e" and "\u00a0"
 * are blank to both.
 */
@Singleton
public class Blank implements ValidatorFactoryCustomizer {

    /**
     * One character that is neither white space nor a control character, written with explicit code points so that
     * ECMA-262 (JSON Schema) and java.util.regex read it alike; found in any text that is not blank.
     */
    public static final String VISIBLE =
            "[^\\x00-\\x20\\x7f-\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";

    private static final Pattern ANY_VISIBLE = Pattern.compile(VISIBLE);

    public static boolean isBlank(CharSequence text) {
        return text == null || !ANY_VISIBLE.matcher(text).find();
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false).validatedBy(NotBlankText.class);
        configuration.addMapping(mapping);
    }

    /** {@code @NotBlank}: present, and not blank. */
    public static class NotBlankText implements ConstraintValidator<NotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !isBlank(value);
        }
    }
}
