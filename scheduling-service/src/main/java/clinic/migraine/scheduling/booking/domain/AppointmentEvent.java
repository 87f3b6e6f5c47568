package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;

/**
 * What happened to an appointment, as its methods return it. Each carries the appointment as it is afterwards,
 * who did it ({@code actor}: a staff account, or null when the system acted on its own) and when.
 */
public sealed interface AppointmentEvent {

    Appointment appointment();

    String actor();

    Instant at();

    record Booked(Appointment appointment, String actor, Instant at) implements AppointmentEvent {
    }

    /** {@code previous} is the appointment before it moved. */
    record Rescheduled(Appointment previous, Appointment appointment, String actor, Instant at)
            implements AppointmentEvent {
    }

    /** {@code reason} is how it came about; the words typed, if any, are on the appointment. */
    record Cancelled(Appointment appointment, CancelReason reason, String actor, Instant at)
            implements AppointmentEvent {
    }

    record CheckedIn(Appointment appointment, String actor, Instant at) implements AppointmentEvent {
    }

    /** {@code inARow} counts this one: the patient missed that many visits of the cycle one after the other. */
    record MissedVisit(Appointment appointment, int inARow, String actor, Instant at) implements AppointmentEvent {
    }

    /** {@code treatment} is the dose record as kept, signed by the clinician ({@code actor}). */
    record Treated(Appointment appointment, Treatment treatment, String actor, Instant at)
            implements AppointmentEvent {
    }
}
