package clinic.migraine.intake.referral.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Migraine days are headache days with migraine features, so there cannot be more of them. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MigraineDaysWithinHeadacheDays.Validator.class)
public @interface MigraineDaysWithinHeadacheDays {

    String message() default "must not be above headacheDaysPerMonth";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MigraineDaysWithinHeadacheDays, ReferralRequest.Clinical> {
        @Override
        public boolean isValid(ReferralRequest.Clinical clinical, ConstraintValidatorContext context) {
            if (clinical == null || clinical.headacheDaysPerMonth() == null || clinical.migraineDaysPerMonth() == null
                    || clinical.migraineDaysPerMonth() <= clinical.headacheDaysPerMonth()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("migraineDaysPerMonth").addConstraintViolation();
            return false;
        }
    }
}
