package clinic.migraine.intake.referral.domain;

/** How a preventive trial ended. */
public enum TrialResult {
    INEFFECTIVE, NOT_TOLERATED, CONTRAINDICATED
}
