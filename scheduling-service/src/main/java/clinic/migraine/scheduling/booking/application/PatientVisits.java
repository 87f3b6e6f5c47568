package clinic.migraine.scheduling.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentStatus;
import clinic.migraine.scheduling.booking.domain.Appointments;
import clinic.migraine.scheduling.booking.domain.CancelledBy;
import clinic.migraine.scheduling.calendar.domain.Slot;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients manage their own visit through the signed link in their confirmation and reminders: confirm they will
 * come, cancel, or choose another free time inside the cycle's window (the 84 days and the payer's authorization
 * hold as for staff; a time taken meanwhile is refused). Each act is audited as the patient's.
 */
@Service
public class PatientVisits {

    /** The actor the audit trail names for what patients do through their link. */
    public static final String PATIENT = "patient";
    /** How many other times the page offers. */
    public static final int OTHER_TIMES = 12;

    private final VisitLinks links;
    private final Booking booking;
    private final Appointments appointments;
    private final AppointmentChanges changes;
    private final Clock clock;

    PatientVisits(VisitLinks links, Booking booking, Appointments appointments, AppointmentChanges changes,
            Clock clock) {
        this.links = links;
        this.booking = booking;
        this.appointments = appointments;
        this.changes = changes;
        this.clock = clock;
    }

    /** The visit as its patient sees it: still open to change only while booked and ahead. */
    public record Visit(Appointment appointment, boolean confirmed, boolean changeable, List<Slot> otherTimes) {
    }

    /** The visit a genuine token names; empty for a forged or garbled one. */
    public Optional<UUID> visitOf(String token) {
        return links.check(token);
    }

    public String token(UUID appointmentId) {
        return links.issue(appointmentId);
    }

    /** @throws NotFound when the visit does not exist */
    @Transactional(readOnly = true)
    public Visit view(UUID id) {
        Appointment a = appointments.find(id).orElseThrow(() -> new NotFound("appointment", id));
        boolean changeable = a.status() == AppointmentStatus.booked && a.start().isAfter(clock.instant());
        return new Visit(a, appointments.confirmed(List.of(a)).contains(id), changeable,
                changeable ? booking.otherTimes(id, OTHER_TIMES) : List.of());
    }

    /** @throws clinic.migraine.domain.Conflict when the visit is not booked or has begun */
    @Transactional
    public Appointment confirm(UUID id) {
        Appointment a = appointments.lock(id).orElseThrow(() -> new NotFound("appointment", id));
        Instant now = clock.instant();
        appointments.confirm(id, a.confirm(now), now);
        changes.confirmed(a, PATIENT, now);
        return a;
    }

    /** @throws clinic.migraine.domain.Conflict when the visit can no longer be cancelled */
    @Transactional
    public Appointment cancel(UUID id) {
        return booking.cancel(id, "Cancelled by the patient through their link", CancelledBy.PATIENT, PATIENT);
    }

    /**
     * Moves the visit to the time the patient chose, and counts that as their confirmation.
     *
     * @throws clinic.migraine.scheduling.booking.domain.SlotTaken when someone took it meanwhile
     */
    @Transactional
    public Appointment move(UUID id, Instant start, String providerId) {
        Appointment moved = booking.reschedule(id, start, providerId, PATIENT);
        Instant now = clock.instant();
        appointments.confirm(id, moved.confirm(now), now);
        changes.confirmed(moved, PATIENT, now);
        return moved;
    }
}
