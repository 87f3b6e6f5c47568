package clinic.migraine.kit.icd10;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A billable code of the clinic's ICD-10-CM code set ({@link Icd10Cm}); null is left to {@code @NotNull}. A category
 * such as {@code G43.7} is refused naming the billable codes under it, so the referral is corrected at once rather
 * than refused later as not covered.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DiagnosisCode.Validator.class)
public @interface DiagnosisCode {

    String message() default "must be a billable ICD-10-CM code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DiagnosisCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return Icd10Cm.shipped().refusal(value).map(reason -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
