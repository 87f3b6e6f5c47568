package clinic.migraine.scheduling.booking.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentStatus;
import clinic.migraine.scheduling.booking.domain.Appointments;
import clinic.migraine.scheduling.booking.domain.Treatment;
import clinic.migraine.scheduling.booking.domain.WeekBoard;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import clinic.migraine.scheduling.calendar.domain.Closure;
import clinic.migraine.scheduling.calendar.domain.Closures;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the pages and the API read: appointments, a provider's week, the change log. */
@Service
@Transactional(readOnly = true)
public class AppointmentQueries {

    private final Appointments appointments;
    private final Closures closures;
    private final ClinicCalendar calendar;
    private final ChangeLog changeLog;

    AppointmentQueries(Appointments appointments, Closures closures, ClinicCalendar calendar, ChangeLog changeLog) {
        this.appointments = appointments;
        this.closures = closures;
        this.calendar = calendar;
        this.changeLog = changeLog;
    }

    public Optional<Appointment> find(UUID id) {
        return appointments.find(id);
    }

    /** @throws NotFound when there is no such appointment */
    /** The dose record of a treated visit. */
    public Optional<Treatment> treatment(UUID appointmentId) {
        return appointments.treatmentOf(appointmentId);
    }

    public Appointment get(UUID id) {
        return appointments.find(id).orElseThrow(() -> new NotFound("appointment", id));
    }

    public List<Appointment> search(Instant from, Instant to, String providerId, AppointmentStatus status) {
        return appointments.search(from, to, providerId, status);
    }

    /** One page of the appointments starting in [from, to): {@code limit} after the first {@code skip}. */
    public List<Appointment> search(Instant from, Instant to, String providerId, AppointmentStatus status, long skip,
            int limit) {
        return appointments.search(from, to, providerId, status, skip, limit);
    }

    /** The appointment now holding a released one's cycle, after a no-show rebooking or a new booking. */
    public Optional<Appointment> replacement(Appointment released) {
        return appointments.ofReferral(released.referralId()).stream()
                .filter(a -> a.holdsCycle(released.cycle()) && !a.id().equals(released.id()))
                .findFirst();
    }

    /** The booked visits of a week the patients have confirmed at the time they now start. */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> confirmed(WeekBoard board) {
        return confirmed(board.rows().stream().flatMap(row -> row.cells().stream())
                .map(WeekBoard.Cell::appointment).filter(java.util.Objects::nonNull).toList());
    }

    /** Every visit of a referral, in cycle and time order. */
    public List<Appointment> ofReferral(UUID referralId) {
        return appointments.ofReferral(referralId);
    }

    /** Those of the visits the patients have confirmed at the time they now start. */
    public java.util.Set<UUID> confirmed(java.util.Collection<Appointment> visits) {
        return appointments.confirmed(visits);
    }

    /** One provider's week for the schedulers' board: every appointment starting in it, closures marked. */
    public WeekBoard week(ClinicCalendar.Provider provider, LocalDate anyDay) {
        LocalDate monday = WeekBoard.mondayOf(anyDay);
        Instant from = monday.atStartOfDay(calendar.zone()).toInstant();
        Instant to = monday.plusWeeks(1).atStartOfDay(calendar.zone()).toInstant();
        List<Closure> all = closures.all();
        return WeekBoard.of(calendar, provider, monday, appointments.search(from, to, provider.id(), null),
                day -> all.stream().filter(c -> c.closes(provider.id(), day)).map(Closure::reason).findFirst()
                        .orElse(null));
    }

    public List<ChangeLog.Entry> changesAfter(long seq, int limit) {
        return changeLog.after(seq, limit);
    }
}
