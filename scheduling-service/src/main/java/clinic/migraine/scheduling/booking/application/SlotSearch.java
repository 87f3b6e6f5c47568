package clinic.migraine.scheduling.booking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiPredicate;

import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.Appointments;
import clinic.migraine.scheduling.booking.domain.Appointments.TakenSlot;
import clinic.migraine.scheduling.booking.domain.BookingRules;
import clinic.migraine.scheduling.booking.domain.CycleWindow;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import clinic.migraine.scheduling.calendar.domain.Closure;
import clinic.migraine.scheduling.calendar.domain.Closures;
import clinic.migraine.scheduling.calendar.domain.Slot;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Free slots: the calendar's slots minus closures and the slots appointments hold. A held slot is compared by its
 * provider and start instant, never built: walking past the full days of a busy clinic costs a look-up per slot.
 */
@Component
public class SlotSearch {

    private static final Duration SEARCH_STEP = Duration.ofDays(1);
    /** The most steps whose held slots one query reads while walking past full days. */
    static final int MAX_STEPS_READ_AT_ONCE = 8;

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
        return freeSlots(from, to, providerId, Closure.closedDays(closures.all()), held(from, to));
    }

    /**
     * The calendar's slots starting in [from, to) that no appointment in {@code held} holds: a slot is held by an
     * appointment of its provider starting at its instant.
     */
    private List<Slot> freeSlots(Instant from, Instant to, String providerId, BiPredicate<String, LocalDate> closed,
            Held held) {
        LocalDate firstDay = from.atZone(calendar.zone()).toLocalDate();
        LocalDate lastDay = to.atZone(calendar.zone()).toLocalDate();
        return calendar.freeSlots(firstDay, lastDay, providerId, closed, from, to, held);
    }

    private Held held(Instant from, Instant to) {
        Held held = new Held();
        appointments.taken(from, to).forEach(held::add);
        return held;
    }

    /** The starts appointments hold, per provider. */
    private static final class Held implements BiPredicate<String, Instant> {

        private final Map<String, Set<Instant>> starts = new HashMap<>();

        void add(TakenSlot taken) {
            starts.computeIfAbsent(taken.providerId(), p -> new HashSet<>()).add(taken.start());
        }

        @Override
        public boolean test(String providerId, Instant start) {
            Set<Instant> ofProvider = starts.get(providerId);
            return ofProvider != null && ofProvider.contains(start);
        }
    }

    /**
     * Free slots in booking order (in the preferred window same provider and time of day first, then by time),
     * a batch at a time, each computed only when the ones before it are all
     * taken: a first cycle looks a day at a time from the earliest day, a later cycle first in its preferred
     * window. Booking used to list every free slot of the whole horizon for each referral, then of a week (a
     * week of a large clinic is thousands of taken slots to read before the first free one). The closures are
     * read once per search; what appointments hold is read one day ahead, then two, four, up to
     * {@value #MAX_STEPS_READ_AT_ONCE}, so a search that finds a free slot on its first day reads that day only
     * and one that walks past many full days asks a few times instead of once a day.
     */
    Iterable<List<Slot>> candidateBatches(CycleWindow window) {
        Instant horizon = window.searchUntil(clock.instant().plus(rules.horizon()));
        if (!window.hasPreference()) {
            return () -> new Iterator<>() {
                private Instant next = window.earliest();
                private BiPredicate<String, LocalDate> closed;
                private Instant heldUntil = next;
                private Held held;
                private int aheadSteps = 1;

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
                    if (closed == null) {
                        closed = Closure.closedDays(closures.all());
                    }
                    if (heldUntil.isBefore(end)) {
                        // what appointments hold is read for the next steps at once, twice as many each time
                        Instant until = next.plus(SEARCH_STEP.multipliedBy(aheadSteps));
                        heldUntil = until.isBefore(horizon) ? until : horizon;
                        held = held(next, heldUntil);
                        aheadSteps = Math.min(aheadSteps * 2, MAX_STEPS_READ_AT_ONCE);
                    }
                    List<Slot> day = freeSlots(next, end, null, closed, held);
                    next = end;
                    return day;
                }
            };
        }
        Comparator<Slot> preference = preference(window);
        Instant preferredUntil = window.preferredUntil().isBefore(horizon) ? window.preferredUntil() : horizon;
        return () -> new Iterator<>() {
            private int batch;
            private BiPredicate<String, LocalDate> closed;

            @Override
            public boolean hasNext() {
                return batch < 2;
            }

            @Override
            public List<Slot> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (closed == null) {
                    closed = Closure.closedDays(closures.all());
                }
                Instant from = batch++ == 0 ? window.earliest()
                        : preferredUntil.isAfter(window.earliest()) ? preferredUntil : window.earliest();
                Instant to = batch == 1 ? preferredUntil : horizon;
                List<Slot> slots = freeSlots(from, to, null, closed, held(from, to));
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
