package clinic.migraine.scheduling.calendar.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import clinic.migraine.domain.RuleBroken;
import clinic.migraine.domain.Violation;

/**
 * The clinic's bookable slots: providers' weekly wall-clock hours in the clinic's zone, cut into visits,
 * minus closures. Daylight-saving days keep their wall-clock hours; a visit that would start in a skipped
 * hour does not exist.
 */
public final class ClinicCalendar {

    public record Provider(String id, String name, String location, Map<DayOfWeek, List<Hours>> week) {
    }

    public record Hours(LocalTime from, LocalTime to) {
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400 * NANOS_PER_SECOND;

    private final ZoneId zone;
    private final Duration visit;
    private final List<Provider> providers;

    public ClinicCalendar(ZoneId zone, Duration visit, List<Provider> providers) {
        this.zone = zone;
        this.visit = visit;
        this.providers = List.copyOf(providers);
    }

    /**
     * Every slot from {@code firstDay} to {@code lastDay} inclusive, earliest first.
     *
     * @param closed (providerId, date) → no visits that day
     */
    public List<Slot> slots(LocalDate firstDay, LocalDate lastDay, String providerId,
            BiPredicate<String, LocalDate> closed) {
        List<Slot> slots = new ArrayList<>();
        for (Provider provider : providers) {
            if (providerId != null && !provider.id().equals(providerId)) {
                continue;
            }
            for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
                if (closed.test(provider.id(), day)) {
                    continue;
                }
                for (Hours hours : provider.week().getOrDefault(day.getDayOfWeek(), List.of())) {
                    for (LocalTime t = hours.from(); !t.plus(visit).isAfter(hours.to()) && !t.plus(visit).isBefore(t);
                            t = t.plus(visit)) {
                        LocalDateTime wallClock = day.atTime(t);
                        ZonedDateTime start = ZonedDateTime.ofLocal(wallClock, zone, null);
                        if (!start.toLocalDateTime().equals(wallClock)) {
                            continue;
                        }
                        slots.add(new Slot(start.toOffsetDateTime(), start.plus(visit).toOffsetDateTime(),
                                provider.id(), provider.location()));
                    }
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::start).thenComparing(Slot::providerId));
        return slots;
    }

    /**
     * The slots of {@link #slots} from {@code firstDay} to {@code lastDay} that start in [{@code from}, {@code to})
     * and that {@code held} does not claim, earliest first: the same list as those slots filtered, but a held
     * slot is only an instant compared, never built. Away from a daylight-saving change a day's starts are its
     * wall-clock times at one offset; a day near a change is walked as {@link #slots} walks it.
     *
     * @param held (providerId, start) → an appointment holds that slot
     */
    public List<Slot> freeSlots(LocalDate firstDay, LocalDate lastDay, String providerId,
            BiPredicate<String, LocalDate> closed, Instant from, Instant to, BiPredicate<String, Instant> held) {
        List<Slot> free = new ArrayList<>();
        long step = Math.floorMod(visit.toNanos(), NANOS_PER_DAY);
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            ZoneOffset offset = steadyOffset(day);
            if (offset == null) {
                for (Slot s : slots(day, day, providerId, closed)) {
                    Instant start = s.start().toInstant();
                    if (!start.isBefore(from) && start.isBefore(to) && !held.test(s.providerId(), start)) {
                        free.add(s);
                    }
                }
                continue;
            }
            long midnight = day.toEpochSecond(LocalTime.MIDNIGHT, offset);
            for (Provider provider : providers) {
                if (providerId != null && !provider.id().equals(providerId) || closed.test(provider.id(), day)) {
                    continue;
                }
                for (Hours hours : provider.week().getOrDefault(day.getDayOfWeek(), List.of())) {
                    // the wall-clock times of the visits, as nanoseconds of the day: each ends by the hours' end
                    long last = hours.to().toNanoOfDay();
                    for (long t = hours.from().toNanoOfDay(); step > 0 && t + step <= last; t += step) {
                        Instant start = Instant.ofEpochSecond(midnight + t / NANOS_PER_SECOND, t % NANOS_PER_SECOND);
                        if (start.isBefore(from) || !start.isBefore(to) || held.test(provider.id(), start)) {
                            continue;
                        }
                        OffsetDateTime begins = OffsetDateTime.of(day, LocalTime.ofNanoOfDay(t), offset);
                        free.add(new Slot(begins, begins.plus(visit), provider.id(), provider.location()));
                    }
                }
            }
        }
        free.sort(Comparator.comparing(Slot::start).thenComparing(Slot::providerId));
        return free;
    }

    /**
     * The day's one offset when the zone keeps it from the day before to two days after (so every visit of the
     * day starts and ends at it); null near a change.
     */
    private ZoneOffset steadyOffset(LocalDate day) {
        ZoneRules rules = zone.getRules();
        Instant before = day.minusDays(1).atStartOfDay(zone).toInstant();
        ZoneOffsetTransition next = rules.nextTransition(before);
        if (next != null && next.getInstant().isBefore(before.plus(Duration.ofDays(4)))) {
            return null;
        }
        return rules.getOffset(before);
    }

    /** True when a visit may start at this instant with this provider (on the grid, in hours, not closed). */
    public boolean isBookable(Slot candidate, BiPredicate<String, LocalDate> closed) {
        LocalDate day = candidate.start().atZoneSameInstant(zone).toLocalDate();
        return slots(day, day, candidate.providerId(), closed).stream()
                .anyMatch(s -> s.start().toInstant().equals(candidate.start().toInstant()));
    }

    /**
     * The slot a visit starting at {@code start} with the provider would take.
     *
     * @throws RuleBroken for an unknown provider, a start off the grid, outside the provider's hours or on a closed
     *     day, or one that is not after {@code now}
     */
    public Slot slotAt(Instant start, String providerId, BiPredicate<String, LocalDate> closed, Instant now) {
        Provider provider = provider(providerId).orElseThrow(() -> new RuleBroken("Unknown provider " + providerId,
                new Violation("providerId", "is not a provider here")));
        ZonedDateTime local = start.atZone(zone);
        Slot candidate = new Slot(local.toOffsetDateTime(), local.plus(visit).toOffsetDateTime(), provider.id(),
                provider.location());
        if (!isBookable(candidate, closed)) {
            throw new RuleBroken("Not a bookable slot: outside " + provider.id() + "'s working hours, off the "
                    + visit.toMinutes() + "-minute grid, or on a closed day",
                    new Violation("start", "is not a bookable slot"));
        }
        if (!start.isAfter(now)) {
            throw new RuleBroken("The slot is in the past", new Violation("start", "is in the past"));
        }
        return candidate;
    }

    public java.util.Optional<Provider> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public ZoneId zone() {
        return zone;
    }

    public Duration visit() {
        return visit;
    }

    public List<Provider> providers() {
        return providers;
    }

    /** The day {@code businessDays} working days (Monday to Friday) after {@code day}. */
    public static LocalDate plusBusinessDays(LocalDate day, int businessDays) {
        LocalDate result = day;
        int added = 0;
        while (added < businessDays) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return result;
    }
}
