package clinic.migraine.scheduling.calendar.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import clinic.migraine.domain.RuleBroken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The slot a scheduler asks for by hand: on the provider's grid, within hours, on an open day, and ahead. */
class ClinicCalendarSlotTest {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final ClinicCalendar CALENDAR = new ClinicCalendar(ZONE, Duration.ofMinutes(30),
            List.of(new ClinicCalendar.Provider("prov-1", "Dr. Rivera", "Marina Del Rey", Map.of(DayOfWeek.MONDAY,
                    List.of(new ClinicCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(12, 0)))))));
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final BiPredicate<String, LocalDate> OPEN = (provider, day) -> false;
    private static final Instant EARLIER = at(MONDAY.minusDays(3), 12, 0);

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZONE).toInstant();
    }

    @Test
    void aSlotOnTheGridWithinHoursIsTheProvidersWithTheVisitLength() {
        Slot slot = CALENDAR.slotAt(at(MONDAY, 9, 30), "prov-1", OPEN, EARLIER);

        assertThat(slot.start().toInstant()).isEqualTo(at(MONDAY, 9, 30));
        assertThat(slot.end().toInstant()).isEqualTo(at(MONDAY, 10, 0));
        assertThat(slot.providerId()).isEqualTo("prov-1");
        assertThat(slot.location()).isEqualTo("Marina Del Rey");
    }

    @Test
    void theFirstAndLastVisitOfTheDayFitAndNoneBeforeOrAfter() {
        assertThat(CALENDAR.slotAt(at(MONDAY, 8, 0), "prov-1", OPEN, EARLIER)).isNotNull();
        assertThat(CALENDAR.slotAt(at(MONDAY, 11, 30), "prov-1", OPEN, EARLIER)).isNotNull();
        assertNotBookable(at(MONDAY, 7, 30));
        assertNotBookable(at(MONDAY, 12, 0));
    }

    @Test
    void aStartOffTheGridIsRefused() {
        assertNotBookable(at(MONDAY, 9, 29));
        assertNotBookable(at(MONDAY, 9, 31));
    }

    @Test
    void aClosedDayOrADayWithoutHoursHasNoSlot() {
        assertThatThrownBy(() -> CALENDAR.slotAt(at(MONDAY, 9, 30), "prov-1", (p, d) -> d.equals(MONDAY), EARLIER))
                .isInstanceOf(RuleBroken.class);
        assertNotBookable(at(MONDAY.plusDays(1), 9, 30));
    }

    @Test
    void aSlotMustStartAfterNowNotAtIt() {
        Instant start = at(MONDAY, 9, 30);

        assertThat(CALENDAR.slotAt(start, "prov-1", OPEN, start.minusSeconds(1))).isNotNull();
        assertThatThrownBy(() -> CALENDAR.slotAt(start, "prov-1", OPEN, start))
                .isInstanceOfSatisfying(RuleBroken.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The slot is in the past");
                    assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("start"));
                });
        assertThatThrownBy(() -> CALENDAR.slotAt(start, "prov-1", OPEN, start.plusSeconds(1)))
                .isInstanceOf(RuleBroken.class);
    }

    @Test
    void anUnknownProviderIsRefusedOnItsField() {
        assertThatThrownBy(() -> CALENDAR.slotAt(at(MONDAY, 9, 30), "prov-9", OPEN, EARLIER))
                .isInstanceOfSatisfying(RuleBroken.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Unknown provider prov-9");
                    assertThat(e.violations()).singleElement()
                            .satisfies(v -> assertThat(v.field()).isEqualTo("providerId"));
                });
    }

    private static void assertNotBookable(Instant start) {
        assertThatThrownBy(() -> CALENDAR.slotAt(start, "prov-1", OPEN, EARLIER))
                .isInstanceOfSatisfying(RuleBroken.class, e -> {
                    assertThat(e.getMessage()).startsWith("Not a bookable slot: outside prov-1's working hours, "
                            + "off the 30-minute grid, or on a closed day");
                    assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("start"));
                });
    }
}
