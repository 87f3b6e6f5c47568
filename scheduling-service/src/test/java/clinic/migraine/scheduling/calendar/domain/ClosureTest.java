package clinic.migraine.scheduling.calendar.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.domain.RuleBroken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosureTest {

    private static final ClinicCalendar CALENDAR = new ClinicCalendar(ZoneId.of("America/Los_Angeles"),
            Duration.ofMinutes(30), List.of(new ClinicCalendar.Provider("prov-1", "Dr. Rivera", "Marina Del Rey",
                    Map.of(DayOfWeek.MONDAY, List.of(new ClinicCalendar.Hours(LocalTime.of(8, 0),
                            LocalTime.of(12, 0)))))));
    private static final LocalDate DAY = LocalDate.of(2026, 12, 24);

    @Test
    void aClosureMayEndOnTheDayItStartsButNotTheDayBefore() {
        assertThat(Closure.declare(UUID.randomUUID(), null, DAY, DAY, "Christmas Eve", CALENDAR).endsOn())
                .isEqualTo(DAY);
        assertThat(Closure.declare(UUID.randomUUID(), null, DAY, DAY.plusDays(1), "Christmas", CALENDAR).endsOn())
                .isEqualTo(DAY.plusDays(1));
        assertThatThrownBy(() -> Closure.declare(UUID.randomUUID(), null, DAY, DAY.minusDays(1), "typo", CALENDAR))
                .isInstanceOfSatisfying(RuleBroken.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The closure ends before it starts");
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("endsOn");
                        assertThat(v.message()).isEqualTo("must not be before startsOn");
                    });
                });
    }

    @Test
    void aClosureCoversAtMostAYearSoATypoInAYearCannotCloseTheCalendarForCenturies() {
        assertThat(Closure.declare(UUID.randomUUID(), null, DAY, DAY.plusDays(365), "sabbatical", CALENDAR).endsOn())
                .isEqualTo(DAY.plusDays(365));
        for (LocalDate end : List.of(DAY.plusDays(366), LocalDate.of(9999, 12, 31))) {
            assertThatThrownBy(() -> Closure.declare(UUID.randomUUID(), null, DAY, end, "typo", CALENDAR))
                    .isInstanceOfSatisfying(RuleBroken.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("The closure is longer than a year");
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("endsOn");
                            assertThat(v.message()).isEqualTo("must be at most 366 days from startsOn, both included");
                        });
                    });
        }
    }

    @Test
    void aProviderClosureNamesAProviderOfTheClinic() {
        assertThat(Closure.declare(UUID.randomUUID(), "prov-1", DAY, DAY, "leave", CALENDAR).providerId())
                .isEqualTo("prov-1");
        assertThatThrownBy(() -> Closure.declare(UUID.randomUUID(), "prov-9", DAY, DAY, "leave", CALENDAR))
                .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.field()).isEqualTo("providerId")));
    }

    @Test
    void closesEveryDayFromItsFirstToItsLastBothIncluded() {
        Closure leave = new Closure(UUID.randomUUID(), "prov-1", DAY, DAY.plusDays(2), "leave");

        assertThat(leave.closes("prov-1", DAY.minusDays(1))).isFalse();
        assertThat(leave.closes("prov-1", DAY)).isTrue();
        assertThat(leave.closes("prov-1", DAY.plusDays(1))).isTrue();
        assertThat(leave.closes("prov-1", DAY.plusDays(2))).isTrue();
        assertThat(leave.closes("prov-1", DAY.plusDays(3))).isFalse();
    }

    @Test
    void aProviderClosureKeepsOthersOpenAndAClinicClosureClosesEveryone() {
        Closure leave = new Closure(UUID.randomUUID(), "prov-1", DAY, DAY, "leave");
        Closure holiday = new Closure(UUID.randomUUID(), null, DAY.plusDays(1), DAY.plusDays(1), "Christmas");

        assertThat(leave.closes("prov-2", DAY)).isFalse();
        assertThat(holiday.closes("prov-1", DAY.plusDays(1))).isTrue();
        assertThat(holiday.closes("prov-2", DAY.plusDays(1))).isTrue();
        assertThat(Closure.closedDays(List.of(leave, holiday)).test("prov-2", DAY)).isFalse();
        assertThat(Closure.closedDays(List.of(leave, holiday)).test("prov-2", DAY.plusDays(1))).isTrue();
        assertThat(Closure.closedDays(List.of()).test("prov-1", DAY)).isFalse();
    }
}
