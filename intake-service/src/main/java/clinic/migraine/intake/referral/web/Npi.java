package clinic.migraine.intake.referral.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A US National Provider Identifier: 10 digits whose last is the Luhn check digit over "80840" + the first nine. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Npi.Validator.class)
public @interface Npi {

    String message() default "must be a 10-digit NPI with a valid check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Npi, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidNpi(value);
        }

        static boolean isValidNpi(String npi) {
            if (!npi.matches("[0-9]{10}")) {
                return false;
            }
            String digits = "80840" + npi;
            int sum = 0;
            boolean doubleIt = false;
            for (int i = digits.length() - 1; i >= 0; i--) {
                int digit = digits.charAt(i) - '0';
                if (doubleIt) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
                doubleIt = !doubleIt;
            }
            return sum % 10 == 0;
        }
    }
}
