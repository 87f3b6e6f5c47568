package clinic.migraine.scheduling.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClinicCalendarTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private static ClinicCalendar calendar(DayOfWeek day, String from, String to) {
        return new ClinicCalendar(LOS_ANGELES, Duration.ofMinutes(30), List.of(new ClinicCalendar.Provider("prov-1",
                "Dr. Rivera", "Marina Del Rey", Map.of(day, List.of(
                        new ClinicCalendar.Hours(LocalTime.parse(from), LocalTime.parse(to)))))));
    }

    private static List<String> slotStarts(ClinicCalendar calendar, LocalDate day) {
        return calendar.slots(day, day, null, (p, d) -> false).stream().map(s -> s.start().toString()).toList();
    }

    @Test
    void keepsWallClockHoursWhenSummerTimeEnds() {
        ClinicCalendar sundays = calendar(DayOfWeek.SUNDAY, "08:00", "09:00");

        assertThat(slotStarts(sundays, LocalDate.of(2026, 10, 25)))
                .containsExactly("2026-10-25T08:00-07:00", "2026-10-25T08:30-07:00");
        assertThat(slotStarts(sundays, LocalDate.of(2026, 11, 1)))
                .containsExactly("2026-11-01T08:00-08:00", "2026-11-01T08:30-08:00");
    }

    @Test
    void offersNoVisitInTheHourThatDoesNotExistWhenSummerTimeStarts() {
        ClinicCalendar night = calendar(DayOfWeek.SUNDAY, "01:00", "04:00");

        assertThat(slotStarts(night, LocalDate.of(2027, 3, 14))).containsExactly(
                "2027-03-14T01:00-08:00", "2027-03-14T01:30-08:00", "2027-03-14T03:00-07:00", "2027-03-14T03:30-07:00");
    }

    @Test
    void offersTheRepeatedHourOnceWhenSummerTimeEnds() {
        ClinicCalendar night = calendar(DayOfWeek.SUNDAY, "00:30", "02:30");

        assertThat(slotStarts(night, LocalDate.of(2026, 11, 1))).containsExactly(
                "2026-11-01T00:30-07:00", "2026-11-01T01:00-07:00", "2026-11-01T01:30-07:00", "2026-11-01T02:00-08:00");
    }

    @Test
    void cutsWorkingHoursIntoVisitsAndSkipsBreaksAndClosures() {
        ClinicCalendar calendar = new ClinicCalendar(LOS_ANGELES, Duration.ofMinutes(30), List.of(
                new ClinicCalendar.Provider("prov-1", "Dr. Rivera", "Marina Del Rey", Map.of(DayOfWeek.MONDAY, List.of(
                        new ClinicCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(9, 0)),
                        new ClinicCalendar.Hours(LocalTime.of(13, 0), LocalTime.of(13, 45))))),
                new ClinicCalendar.Provider("prov-2", "Dr. Chen", "Marina Del Rey", Map.of(DayOfWeek.MONDAY, List.of(
                        new ClinicCalendar.Hours(LocalTime.of(8, 30), LocalTime.of(9, 0)))))));
        LocalDate monday = LocalDate.of(2026, 11, 30);

        assertThat(calendar.slots(monday, monday, null, (p, d) -> false))
                .extracting(s -> s.start().toLocalTime() + " " + s.providerId())
                .containsExactly("08:00 prov-1", "08:30 prov-1", "08:30 prov-2", "13:00 prov-1");
        assertThat(calendar.slots(monday, monday, null, (p, d) -> p.equals("prov-1"))).hasSize(1);
    }

    @Test
    void countsBusinessDaysOverTheWeekend() {
        assertThat(ClinicCalendar.plusBusinessDays(LocalDate.of(2026, 11, 27), 2)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ClinicCalendar.plusBusinessDays(LocalDate.of(2026, 11, 24), 2)).isEqualTo(LocalDate.of(2026, 11, 26));
    }
}
