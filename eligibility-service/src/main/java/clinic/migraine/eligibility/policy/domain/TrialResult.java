package clinic.migraine.eligibility.policy.domain;

/** How a preventive trial ended. */
public enum TrialResult {
    INEFFECTIVE, NOT_TOLERATED, CONTRAINDICATED
}
