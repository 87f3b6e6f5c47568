package clinic.migraine.intake.referral.domain;

/** What eligibility decided for a cycle, as intake heard it. */
public enum EligibilityOutcome {
    ELIGIBLE, NOT_ELIGIBLE, NEEDS_REVIEW
}
