package clinic.migraine.scheduling.calendar.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.NotFound;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import clinic.migraine.scheduling.calendar.domain.Closure;
import clinic.migraine.scheduling.calendar.domain.Closures;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schedulers close days (holidays, a provider's leave) and open them again; booking skips closed days. */
@Service
public class ClosureCalendar {

    private final Closures closures;
    private final ClinicCalendar calendar;

    public ClosureCalendar(Closures closures, ClinicCalendar calendar) {
        this.closures = closures;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    public List<Closure> all() {
        return closures.all();
    }

    @Transactional
    public Closure close(String providerId, LocalDate startsOn, LocalDate endsOn, String reason) {
        Closure closure = Closure.declare(UUID.randomUUID(), providerId, startsOn, endsOn, reason, calendar);
        closures.add(closure);
        return closure;
    }

    @Transactional
    public void reopen(UUID id) {
        if (!closures.remove(id)) {
            throw new NotFound("closure", id);
        }
    }
}
