package clinic.migraine.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;
import org.junit.jupiter.api.Test;

class WeekBoardTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ClinicCalendar.Provider RIVERA = new ClinicCalendar.Provider("prov-1", "Dr. Rivera",
            "Marina Del Rey", Map.of(
                    DayOfWeek.TUESDAY, List.of(new ClinicCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(10, 0))),
                    DayOfWeek.WEDNESDAY, List.of(new ClinicCalendar.Hours(LocalTime.of(9, 30), LocalTime.of(10, 30)))));
    private static final ClinicCalendar CALENDAR = new ClinicCalendar(LOS_ANGELES, Duration.ofMinutes(30),
            List.of(RIVERA));
    /** Thursday 10 December 2026; its week starts on Monday the 7th. */
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 10);

    @Test
    void showsTheWeekFromMondayWithARowPerVisitStartOfTheProvidersHours() {
        WeekBoard board = WeekBoard.of(CALENDAR, RIVERA, THURSDAY, List.of(), day -> null);

        assertThat(board.monday()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(board.days()).extracting(WeekBoard.Day::date).first().isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(board.days()).extracting(WeekBoard.Day::working)
                .containsExactly(false, true, true, false, false, false, false);
        assertThat(board.rows()).extracting(WeekBoard.Row::time)
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(10, 0));
        assertThat(kinds(board, LocalTime.of(9, 0))).containsExactly(WeekBoard.Kind.OFF, WeekBoard.Kind.FREE,
                WeekBoard.Kind.OFF, WeekBoard.Kind.OFF, WeekBoard.Kind.OFF, WeekBoard.Kind.OFF, WeekBoard.Kind.OFF);
        assertThat(kinds(board, LocalTime.of(10, 0)).get(2)).isEqualTo(WeekBoard.Kind.FREE);
        assertThat(board.freeCount()).isEqualTo(4);
    }

    @Test
    void putsAnAppointmentHoldingItsSlotInItsDayAndTimeAndListsReleasedOnesApart() {
        Appointment booked = appointment(LocalDate.of(2026, 12, 9), LocalTime.of(10, 0), AppointmentStatus.booked);
        Appointment cancelled = appointment(LocalDate.of(2026, 12, 8), LocalTime.of(9, 30), AppointmentStatus.cancelled);

        WeekBoard board = WeekBoard.of(CALENDAR, RIVERA, THURSDAY, List.of(booked, cancelled), day -> null);

        WeekBoard.Cell cell = row(board, LocalTime.of(10, 0)).cells().get(2);
        assertThat(cell.kind()).isEqualTo(WeekBoard.Kind.BOOKED);
        assertThat(cell.appointment()).isEqualTo(booked);
        assertThat(cell.date()).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(row(board, LocalTime.of(9, 30)).cells().get(1).kind()).isEqualTo(WeekBoard.Kind.FREE);
        assertThat(board.released()).containsExactly(cancelled);
        assertThat(board.bookedCount()).isEqualTo(1);
    }

    @Test
    void marksTheSlotsOfAClosedDayClosedButStillShowsWhoIsBookedThere() {
        LocalDate tuesday = LocalDate.of(2026, 12, 8);
        Appointment booked = appointment(tuesday, LocalTime.of(9, 0), AppointmentStatus.booked);

        WeekBoard board = WeekBoard.of(CALENDAR, RIVERA, THURSDAY, List.of(booked),
                day -> day.equals(tuesday) ? "Staff training" : null);

        assertThat(board.days().get(1).closedBecause()).isEqualTo("Staff training");
        assertThat(row(board, LocalTime.of(9, 0)).cells().get(1).kind()).isEqualTo(WeekBoard.Kind.BOOKED);
        assertThat(row(board, LocalTime.of(9, 30)).cells().get(1).kind()).isEqualTo(WeekBoard.Kind.CLOSED);
        assertThat(row(board, LocalTime.of(9, 30)).cells().get(2).kind()).isEqualTo(WeekBoard.Kind.FREE);
    }

    private static List<WeekBoard.Kind> kinds(WeekBoard board, LocalTime time) {
        return row(board, time).cells().stream().map(WeekBoard.Cell::kind).toList();
    }

    private static WeekBoard.Row row(WeekBoard board, LocalTime time) {
        return board.rows().stream().filter(r -> r.time().equals(time)).findFirst().orElseThrow();
    }

    private static Appointment appointment(LocalDate day, LocalTime time, AppointmentStatus status) {
        Instant start = day.atTime(time).atZone(LOS_ANGELES).toInstant();
        return new Appointment(UUID.randomUUID(), UUID.randomUUID(), 1, "prov-1", "Marina Del Rey", start,
                start.plus(Duration.ofMinutes(30)), status, null, 0, null, null, null, null, null, null, start, 0);
    }
}
