package clinic.migraine.eligibility.decision.domain;

/** Who made a decision: the payer policy's rules, or a clinician in review. */
public enum DecidedBy {
    RULES, CLINICIAN
}
