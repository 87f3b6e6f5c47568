package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A cycle left without a visit that the schedulers must book by hand: the clinic called the visit off, the patient
 * missed it and was not booked again automatically, or an eligible cycle found no slot it could take (none free
 * inside the patient's 84 days and the payer's authorization, or the patient holds another referral's visit too
 * close). It leaves the worklist when the cycle is booked.
 *
 * @param appointmentId the visit that was lost; null when there was none
 */
public record Rebooking(long id, UUID referralId, int cycle, Reason reason, UUID appointmentId, Instant openedAt) {

    /** Why the cycle has no visit. */
    public enum Reason {
        CANCELLED_BY_CLINIC, NO_SHOW, NOT_BOOKED_AUTOMATICALLY,
        /** The patient replied R to a text: call them about another time (the visit stays until it is moved). */
        CALL_TO_RESCHEDULE
    }

    /** A cancellation by the clinic leaves the cycle for the schedulers; the patient's own or the system's not. */
    public static Optional<Reason> after(AppointmentEvent.Cancelled cancelled) {
        return cancelled.appointment().cancelledBy() == CancelledBy.CLINIC ? Optional.of(Reason.CANCELLED_BY_CLINIC)
                : Optional.empty();
    }

    /** A missed visit goes on the worklist when it was not booked again by itself. */
    public static Optional<Reason> after(AppointmentEvent.MissedVisit missed, boolean bookedAgain) {
        return bookedAgain ? Optional.empty() : Optional.of(Reason.NO_SHOW);
    }
}
