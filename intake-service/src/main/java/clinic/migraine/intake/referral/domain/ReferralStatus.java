package clinic.migraine.intake.referral.domain;

/** Where a referral stands, as intake staff follow it. */
public enum ReferralStatus {
    RECEIVED, ELIGIBLE, NOT_ELIGIBLE, NEEDS_REVIEW, SCHEDULED, IN_TREATMENT, DISCONTINUED
}
