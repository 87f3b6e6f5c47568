package clinic.migraine.scheduling.booking.domain;

/** Who called a visit off; the system does when the referral is withdrawn. */
public enum CancelledBy {
    PATIENT, CLINIC, SYSTEM
}
