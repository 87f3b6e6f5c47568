package clinic.migraine.scheduling.booking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.Appointments;
import clinic.migraine.scheduling.booking.domain.BookingRules;
import clinic.migraine.scheduling.booking.domain.CycleWindow;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import clinic.migraine.scheduling.calendar.domain.Closure;
import clinic.migraine.scheduling.calendar.domain.Closures;
import clinic.migraine.scheduling.calendar.domain.Slot;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Free slots: the calendar's slots minus closures and the slots appointments hold. */
@Component
public class SlotSearch {

    private static final Duration SEARCH_STEP = Duration.ofDays(1);

    private final Appointments appointments;
    private final Closures closures;
    private final ClinicCalendar calendar;
    private final BookingRules rules;
    private final Clock clock;

    SlotSearch(Appointments appointments, Closures closures, ClinicCalendar calendar, BookingRules rules, Clock clock) {
        this.appointments = appointments;
        this.closures = closures;
        this.calendar = calendar;
        this.rules = rules;
        this.clock = clock;
    }

    /** Free slots from {@code from} (inclusive) to {@code to}, earliest first. */
    @Transactional(readOnly = true)
    public List<Slot> freeSlots(Instant from, Instant to, String providerId) {
        LocalDate firstDay = from.atZone(calendar.zone()).toLocalDate();
        LocalDate lastDay = to.atZone(calendar.zone()).toLocalDate();
        Set<String> taken = new HashSet<>();
        appointments.taken(from, to).forEach(t -> taken.add(t.providerId() + "@" + t.start()));
        return calendar.slots(firstDay, lastDay, providerId, Closure.closedDays(closures.all())).stream()
                .filter(s -> !s.start().toInstant().isBefore(from) && s.start().toInstant().isBefore(to))
                .filter(s -> !taken.contains(s.providerId() + "@" + s.start().toInstant()))
                .toList();
    }

    /**
     * Free slots in booking order (in the preferred window same provider and time of day first, then by time),
     * a batch at a time, each computed only when the ones before it are all
     * taken: a first cycle looks a day at a time from the earliest day, a later cycle first in its preferred
     * window. Booking used to list every free slot of the whole horizon for each referral, then of a week (a
     * week of a large clinic is thousands of taken slots to read before the first free one).
     */
    Iterable<List<Slot>> candidateBatches(CycleWindow window) {
        Instant horizon = window.searchUntil(clock.instant().plus(rules.horizon()));
        if (!window.hasPreference()) {
            return () -> new Iterator<>() {
                private Instant next = window.earliest();

                @Override
                public boolean hasNext() {
                    return next.isBefore(horizon);
                }

                @Override
                public List<Slot> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Instant end = next.plus(SEARCH_STEP).isBefore(horizon) ? next.plus(SEARCH_STEP) : horizon;
                    List<Slot> day = freeSlots(next, end, null);
                    next = end;
                    return day;
                }
            };
        }
        Comparator<Slot> preference = preference(window);
        Instant preferredUntil = window.preferredUntil().isBefore(horizon) ? window.preferredUntil() : horizon;
        return () -> new Iterator<>() {
            private int batch;

            @Override
            public boolean hasNext() {
                return batch < 2;
            }

            @Override
            public List<Slot> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Slot> slots = batch++ == 0 ? freeSlots(window.earliest(), preferredUntil, null)
                        : freeSlots(preferredUntil.isAfter(window.earliest()) ? preferredUntil : window.earliest(),
                                horizon, null);
                return slots.stream().sorted(preference).toList();
            }
        };
    }

    private Comparator<Slot> preference(CycleWindow window) {
        Appointment previous = window.previous();
        LocalTime previousTime = previous.start().atZone(calendar.zone()).toLocalTime();
        return Comparator
                .comparing((Slot s) -> !s.start().toInstant().isBefore(window.preferredUntil()))
                .thenComparing(s -> !(s.providerId().equals(previous.providerId())
                        && s.start().atZoneSameInstant(calendar.zone()).toLocalTime().equals(previousTime)))
                .thenComparing(s -> !s.providerId().equals(previous.providerId()))
                .thenComparing(Slot::start);
    }
}
