package clinic.migraine.kit.phone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A phone number libphonenumber holds possible and valid (null is left to {@code @NotNull}); the field error says
 * what is wrong with it. The validator takes the service's {@link PhoneNumbers}, so it needs Spring's validator.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhoneNumber.Validator.class)
public @interface PhoneNumber {

    String message() default "must be a phone number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PhoneNumber, String> {

        private final PhoneNumbers phones;

        public Validator(PhoneNumbers phones) {
            this.phones = phones;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !(phones.check(value) instanceof PhoneNumbers.Refused refused)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escaped(refused.reason())).addConstraintViolation();
            return false;
        }

        /** A reason is text, not a message template: braces and dollars stay as written. */
        private static String escaped(String reason) {
            return reason.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
