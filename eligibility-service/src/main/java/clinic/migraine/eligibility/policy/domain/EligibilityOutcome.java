package clinic.migraine.eligibility.policy.domain;

/** A cycle's outcome; a doubtful case goes to a clinician. */
public enum EligibilityOutcome {
    ELIGIBLE, NOT_ELIGIBLE, NEEDS_REVIEW
}
