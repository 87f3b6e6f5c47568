package clinic.migraine.scheduling.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import clinic.migraine.scheduling.calendar.domain.Slot;

/**
 * One provider's week as the schedulers see it: a column per day (Monday to Sunday, in the clinic's zone), a row
 * per visit start time of that week's calendar, and in each cell the appointment holding that slot, or whether it
 * is free, outside the provider's hours or on a closed day. Appointments that no longer hold their slot
 * (cancelled, no-show) are listed apart, so a freed slot shows as free.
 */
public record WeekBoard(ClinicCalendar.Provider provider, LocalDate monday, List<Day> days, List<Row> rows,
        List<Appointment> released) {

    public enum Kind { BOOKED, FREE, CLOSED, OFF }

    /** A day of the week; {@code closedBecause} is the closure's reason when the clinic or provider is closed. */
    public record Day(LocalDate date, boolean working, String closedBecause) {

        public boolean closed() {
            return closedBecause != null;
        }
    }

    public record Row(LocalTime time, List<Cell> cells) {
    }

    /** {@code appointment} is set for a booked cell only. */
    public record Cell(LocalDate date, Kind kind, Appointment appointment) {
    }

    /**
     * @param appointments the provider's appointments starting in that week, any status
     * @param closedBecause a day's closure reason for this provider, or null when open
     */
    public static WeekBoard of(ClinicCalendar calendar, ClinicCalendar.Provider provider, LocalDate anyDay,
            List<Appointment> appointments, Function<LocalDate, String> closedBecause) {
        LocalDate monday = mondayOf(anyDay);
        List<Day> days = new ArrayList<>();
        Map<LocalDate, List<LocalTime>> slotTimes = new HashMap<>();
        TreeSet<LocalTime> times = new TreeSet<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            List<LocalTime> starts = calendar.slots(date, date, provider.id(), (p, d) -> false).stream()
                    .map(Slot::start).map(start -> start.atZoneSameInstant(calendar.zone()).toLocalTime()).toList();
            slotTimes.put(date, starts);
            times.addAll(starts);
            days.add(new Day(date, !starts.isEmpty(), closedBecause.apply(date)));
        }
        Map<ZonedDateTime, Appointment> holding = appointments.stream()
                .filter(a -> a.status().holdsTheSlot())
                .collect(Collectors.toMap(a -> a.start().atZone(calendar.zone()), a -> a, (a, b) -> a));
        holding.keySet().forEach(start -> times.add(start.toLocalTime()));

        List<Row> rows = new ArrayList<>();
        for (LocalTime time : times) {
            List<Cell> cells = new ArrayList<>();
            for (Day day : days) {
                Appointment booked = holding.entrySet().stream()
                        .filter(e -> e.getKey().toLocalDate().equals(day.date())
                                && e.getKey().toLocalTime().equals(time))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                Kind kind = booked != null ? Kind.BOOKED
                        : day.closed() && day.working() ? Kind.CLOSED
                        : slotTimes.get(day.date()).contains(time) ? Kind.FREE : Kind.OFF;
                cells.add(new Cell(day.date(), kind, booked));
            }
            rows.add(new Row(time, cells));
        }
        List<Appointment> released = appointments.stream().filter(a -> !a.status().holdsTheSlot())
                .sorted(Comparator.comparing(Appointment::start)).toList();
        return new WeekBoard(provider, monday, List.copyOf(days), List.copyOf(rows), released);
    }

    public static LocalDate mondayOf(LocalDate day) {
        return Objects.requireNonNull(day).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public LocalDate previousWeek() {
        return monday.minusWeeks(1);
    }

    public LocalDate nextWeek() {
        return monday.plusWeeks(1);
    }

    public long bookedCount() {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.kind() == Kind.BOOKED).count();
    }

    public long freeCount() {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.kind() == Kind.FREE).count();
    }
}
