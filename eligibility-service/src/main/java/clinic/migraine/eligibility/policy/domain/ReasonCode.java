package clinic.migraine.eligibility.policy.domain;

/** Why a referral is not (yet) eligible. */
public enum ReasonCode {
    AGE_BELOW_MINIMUM, HEADACHE_DAYS_BELOW_MINIMUM, MIGRAINE_DAYS_BELOW_MINIMUM, DURATION_BELOW_MINIMUM,
    DIAGNOSIS_NOT_COVERED, INSUFFICIENT_PREVENTIVE_TRIALS, MEDICATION_OVERUSE_UNMANAGED, CONCURRENT_CGRP_ANTIBODY,
    CONTRAINDICATED, INSUFFICIENT_RESPONSE, COURSE_LIMIT_REACHED, PRIOR_AUTH_REQUIRED, PRIOR_AUTH_EXPIRED,
    EPISODIC_CONVERSION, INJECTION_SITE_INFECTION,
    NEUROMUSCULAR_CAUTION, PREGNANCY_CAUTION, MISSING_CLINICAL_DATA, UNKNOWN_PAYER_POLICY, OTHER;

    /** A hard reason makes a cycle NOT_ELIGIBLE by itself; the others send it to a clinician. */
    public boolean hard() {
        return switch (this) {
            case AGE_BELOW_MINIMUM, HEADACHE_DAYS_BELOW_MINIMUM, MIGRAINE_DAYS_BELOW_MINIMUM, DURATION_BELOW_MINIMUM,
                    DIAGNOSIS_NOT_COVERED, INSUFFICIENT_PREVENTIVE_TRIALS, MEDICATION_OVERUSE_UNMANAGED,
                    CONCURRENT_CGRP_ANTIBODY, CONTRAINDICATED, INSUFFICIENT_RESPONSE, COURSE_LIMIT_REACHED,
                    EPISODIC_CONVERSION -> true;
            default -> false;
        };
    }

    /** The review waits for the payer's prior authorization: recording one clears it. */
    public boolean authorization() {
        return this == PRIOR_AUTH_REQUIRED || this == PRIOR_AUTH_EXPIRED;
    }
}
