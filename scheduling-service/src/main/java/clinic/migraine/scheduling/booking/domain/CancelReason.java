package clinic.migraine.scheduling.booking.domain;

/**
 * How a visit came to be cancelled: what other services are told instead of the words typed. The words stay on the
 * appointment here ({@link Appointment#cancelReason()}), where only scheduling's staff read them.
 */
public enum CancelReason {
    /** Staff cancelled it and typed why (for the patient or for the clinic, as {@link CancelledBy} says). */
    STAFF_ENTERED,
    /** The patient cancelled it from their own link. */
    PATIENT_LINK,
    /** The system cancelled it because the referral was withdrawn. */
    REFERRAL_WITHDRAWN
}
