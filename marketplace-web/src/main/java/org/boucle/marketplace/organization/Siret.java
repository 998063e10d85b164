package org.boucle.marketplace.organization;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A French establishment number: 14 digits passing the Luhn check (La Poste's establishments excepted). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Siret.Validator.class)
public @interface Siret {

    String message() default "{boucle.validation.siret}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Siret, String> {

        private static final String LA_POSTE_SIREN = "356000000";

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!value.matches("[0-9]{14}")) {
                return false;
            }
            if (value.startsWith(LA_POSTE_SIREN)) {
                return value.chars().map(c -> c - '0').sum() % 5 == 0;
            }
            int sum = 0;
            for (int i = 0; i < 14; i++) {
                int digit = value.charAt(13 - i) - '0';
                if (i % 2 == 1) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
            }
            return sum % 10 == 0;
        }
    }
}
