package clinic.migraine.intake.referral.domain;

/** How a patient prefers to be reached. */
public enum ContactChannel {
    EMAIL, SMS
}
