package clinic.migraine.intake.referral.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import clinic.migraine.intake.referral.domain.ContactChannel;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The preferred channel needs its address: EMAIL an email, SMS a phone. The error names that field. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ContactMatchesChannel.Validator.class)
public @interface ContactMatchesChannel {

    String message() default "is required for the preferred channel";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ContactMatchesChannel, ReferralRequest.Patient> {
        @Override
        public boolean isValid(ReferralRequest.Patient patient, ConstraintValidatorContext context) {
            if (patient == null || patient.preferredChannel() == null) {
                return true;
            }
            String missing = patient.preferredChannel() == ContactChannel.SMS
                    ? (patient.phone() == null ? "phone" : null)
                    : (patient.email() == null ? "email" : null);
            if (missing == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("is required when preferredChannel is "
                    + patient.preferredChannel()).addPropertyNode(missing).addConstraintViolation();
            return false;
        }
    }
}
