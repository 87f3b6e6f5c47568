package clinic.migraine.scheduling.booking.application;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.AppointmentStatus;
import clinic.migraine.scheduling.booking.domain.Appointments;
import clinic.migraine.scheduling.booking.domain.Appointments.TakenSlot;
import clinic.migraine.scheduling.booking.domain.BookingRules;
import clinic.migraine.scheduling.booking.domain.CycleWindow;
import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import clinic.migraine.scheduling.calendar.domain.Closure;
import clinic.migraine.scheduling.calendar.domain.Closures;
import clinic.migraine.scheduling.calendar.domain.Slot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search finds exactly the free slots the plain way finds (every slot of the calendar in the range, minus
 * closed days, minus the slots an appointment of the provider starts at), in the same order, over calendars,
 * closures and appointments drawn at random with a fixed seed: zones with and without daylight saving (one that
 * moves by half an hour), several visit lengths, days left full and held visits off the grid.
 */
class SlotSearchTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/Los_Angeles"), ZoneId.of("Europe/London"),
            ZoneId.of("Australia/Lord_Howe"), ZoneOffset.UTC);
    private static final List<Duration> VISITS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(20),
            Duration.ofMinutes(30), Duration.ofMinutes(45), Duration.ofMinutes(60));
    private static final List<Instant> NOWS = List.of(Instant.parse("2026-03-05T17:00:00Z"),
            Instant.parse("2026-03-25T09:13:00Z"), Instant.parse("2026-09-25T23:30:00Z"),
            Instant.parse("2026-10-20T06:00:00Z"), Instant.parse("2026-12-20T12:00:00Z"));
    private static final int HORIZON_DAYS = 24;

    @Test
    void aFirstCourseWalksToTheSameFreeSlotsInTheSameOrderAsThePlainSearch() {
        Random random = new Random(20261204L);
        for (int trial = 0; trial < 150; trial++) {
            Case c = randomCase(random);
            CycleWindow window = new CycleWindow(c.earliest(), null, null, null, null);

            List<Slot> found = new ArrayList<>();
            c.search().candidateBatches(window).forEach(found::addAll);

            assertThat(found).as("trial %d", trial)
                    .isEqualTo(c.plainFree(c.earliest(), c.now().plus(c.rules().horizon()), null));
        }
    }

    @Test
    void aLaterCycleSeesTheSameFreeSlotsInItsWindowAndAfterItAsThePlainSearch() {
        Random random = new Random(84L);
        for (int trial = 0; trial < 60; trial++) {
            Case c = randomCase(random);
            Instant preferredUntil = c.earliest().plus(Duration.ofDays(1 + random.nextInt(10)));
            Appointment previous = new Appointment(UUID.randomUUID(), UUID.randomUUID(), 1, "prov-1", "Here",
                    c.earliest().minus(Duration.ofDays(84)), c.earliest().minus(Duration.ofDays(84)).plusSeconds(1800),
                    AppointmentStatus.fulfilled, null, 0, null, null, null, null, null, null, c.now(), 0);
            CycleWindow window = new CycleWindow(c.earliest(), preferredUntil, c.earliest(), previous, null);
            Instant horizon = c.now().plus(c.rules().horizon());

            List<List<Slot>> batches = new ArrayList<>();
            c.search().candidateBatches(window).forEach(batches::add);

            assertThat(batches).hasSize(2);
            assertThat(byTime(batches.get(0))).as("trial %d", trial)
                    .isEqualTo(c.plainFree(c.earliest(), preferredUntil, null));
            assertThat(byTime(batches.get(1))).as("trial %d", trial)
                    .isEqualTo(c.plainFree(preferredUntil, horizon, null));
        }
    }

    @Test
    void freeSlotsOfAnyRangeAndProviderAreThoseOfThePlainSearch() {
        Random random = new Random(7L);
        for (int trial = 0; trial < 150; trial++) {
            Case c = randomCase(random);
            Instant from = c.now().plus(Duration.ofMinutes(random.nextInt(20 * 24 * 60)));
            Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(5 * 24 * 60)));
            String provider = random.nextBoolean() ? null : "prov-" + (1 + random.nextInt(3));

            assertThat(c.search().freeSlots(from, to, provider)).as("trial %d", trial)
                    .isEqualTo(c.plainFree(from, to, provider));
        }
    }

    private static List<Slot> byTime(List<Slot> slots) {
        return slots.stream().sorted(Comparator.comparing(Slot::start).thenComparing(Slot::providerId)).toList();
    }

    /** One clinic, its closures and its held visits, the search over them and the plain search to compare with. */
    private record Case(SlotSearch search, ClinicCalendar calendar, List<Closure> closures, List<TakenSlot> held,
            Instant now, Instant earliest, BookingRules rules) {

        /** The plain way: every slot of the days, in the range, not started at by a held visit of its provider. */
        List<Slot> plainFree(Instant from, Instant to, String providerId) {
            LocalDate firstDay = from.atZone(calendar.zone()).toLocalDate();
            LocalDate lastDay = to.atZone(calendar.zone()).toLocalDate();
            return calendar.slots(firstDay, lastDay, providerId, Closure.closedDays(closures)).stream()
                    .filter(s -> !s.start().toInstant().isBefore(from) && s.start().toInstant().isBefore(to))
                    .filter(s -> held.stream().noneMatch(h -> h.providerId().equals(s.providerId())
                            && h.start().equals(s.start().toInstant())))
                    .toList();
        }
    }

    private static Case randomCase(Random random) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        Duration visit = VISITS.get(random.nextInt(VISITS.size()));
        List<ClinicCalendar.Provider> providers = new ArrayList<>();
        int providerCount = 1 + random.nextInt(3);
        for (int p = 1; p <= providerCount; p++) {
            Map<DayOfWeek, List<ClinicCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextInt(5) == 0) {
                    continue;
                }
                List<ClinicCalendar.Hours> hours = new ArrayList<>();
                int from = random.nextInt(4) == 0 ? 0 : random.nextInt(4 * 12);
                while (from < 4 * 24 && hours.size() < 2) {
                    int to = Math.min(4 * 24, from + 1 + random.nextInt(4 * 10));
                    hours.add(new ClinicCalendar.Hours(LocalTime.ofSecondOfDay(from * 900L),
                            to == 4 * 24 ? LocalTime.of(23, 59) : LocalTime.ofSecondOfDay(to * 900L)));
                    from = to + 1 + random.nextInt(8);
                }
                week.put(day, hours);
            }
            providers.add(new ClinicCalendar.Provider("prov-" + p, "Dr. " + p, "Room " + p, week));
        }
        ClinicCalendar calendar = new ClinicCalendar(zone, visit, providers);
        Instant now = NOWS.get(random.nextInt(NOWS.size())).plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
        LocalDate today = now.atZone(zone).toLocalDate();
        BookingRules rules = new BookingRules(zone, 2, Duration.ofDays(84), Duration.ofDays(14),
                Duration.ofDays(HORIZON_DAYS), true, 2, true, Duration.ofDays(14), Duration.ofHours(12));

        List<Closure> closures = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            LocalDate starts = today.plusDays(random.nextInt(HORIZON_DAYS));
            String provider = random.nextBoolean() ? null : "prov-" + (1 + random.nextInt(providerCount));
            closures.add(new Closure(UUID.randomUUID(), provider, starts, starts.plusDays(random.nextInt(3)), "off"));
        }

        // the first days mostly full, as a busy clinic's are; then a few held here and there, and some off the grid
        List<TakenSlot> held = new ArrayList<>();
        int fullDays = random.nextInt(12);
        for (Slot s : calendar.slots(today, today.plusDays(HORIZON_DAYS + 2), null, (p, d) -> false)) {
            boolean early = s.start().toLocalDate().isBefore(today.plusDays(fullDays));
            if (early ? random.nextInt(40) != 0 : random.nextInt(6) == 0) {
                held.add(new TakenSlot(s.providerId(), s.start().toInstant(), s.end().toInstant()));
            }
        }
        for (int i = random.nextInt(5); i > 0; i--) {
            Instant start = now.plus(Duration.ofMinutes(random.nextInt(HORIZON_DAYS * 24 * 60)));
            held.add(new TakenSlot("prov-" + (1 + random.nextInt(providerCount)), start, start.plus(visit)));
        }

        Instant earliest = today.plusDays(random.nextInt(4)).atStartOfDay(zone).toInstant();
        SlotSearch search = new SlotSearch(appointmentsHolding(held), closuresOf(closures), calendar, rules,
                Clock.fixed(now, zone));
        return new Case(search, calendar, closures, held, now, earliest, rules);
    }

    /** Held visits answered as the store answers {@link Appointments#taken}; the search asks nothing else. */
    private static Appointments appointmentsHolding(List<TakenSlot> held) {
        return (Appointments) Proxy.newProxyInstance(Appointments.class.getClassLoader(),
                new Class<?>[] {Appointments.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("taken")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Instant from = (Instant) args[0];
                    Instant to = (Instant) args[1];
                    return held.stream().filter(h -> !h.start().isBefore(from) && h.start().isBefore(to)).toList();
                });
    }

    private static Closures closuresOf(List<Closure> closures) {
        return new Closures() {
            @Override
            public List<Closure> all() {
                return closures;
            }

            @Override
            public void add(Closure closure) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean remove(UUID id) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
