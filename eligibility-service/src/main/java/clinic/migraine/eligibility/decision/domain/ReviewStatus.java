package clinic.migraine.eligibility.decision.domain;

/** A review waits (OPEN) until a clinician decides (CLOSED) or the referral is withdrawn (WITHDRAWN). */
public enum ReviewStatus {
    OPEN, CLOSED, WITHDRAWN
}
