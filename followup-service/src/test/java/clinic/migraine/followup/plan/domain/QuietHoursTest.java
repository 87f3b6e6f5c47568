package clinic.migraine.followup.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void daytimeMessagesGoAtOnce() {
        Instant noon = Instant.parse("2026-11-25T17:00:00Z");

        assertThat(QUIET.nextAllowed(noon, NEW_YORK)).isEqualTo(noon);
    }

    @Test
    void anEveningMessageWaitsForNineTheNextMorningInThePatientsZone() {
        Instant tenPmNewYork = Instant.parse("2026-11-26T03:00:00Z");

        assertThat(QUIET.nextAllowed(tenPmNewYork, NEW_YORK)).isEqualTo(Instant.parse("2026-11-26T14:00:00Z"));
    }

    @Test
    void anEarlyMorningMessageWaitsForNineTheSameMorning() {
        Instant sixAmNewYork = Instant.parse("2026-11-25T11:00:00Z");

        assertThat(QUIET.nextAllowed(sixAmNewYork, NEW_YORK)).isEqualTo(Instant.parse("2026-11-25T14:00:00Z"));
    }

    @Test
    void nineAmAfterTheClocksChangeIsStillNineAmLocal() {
        Instant elevenPmBeforeFallBack = Instant.parse("2026-11-01T03:00:00Z");
        Instant elevenPmBeforeSpringForward = Instant.parse("2027-03-14T04:00:00Z");

        assertThat(QUIET.nextAllowed(elevenPmBeforeFallBack, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
        assertThat(QUIET.nextAllowed(elevenPmBeforeSpringForward, NEW_YORK)).isEqualTo(Instant.parse("2027-03-14T13:00:00Z"));
    }

    @Test
    void theSameInstantIsQuietForOnePatientAndNotForAnother() {
        Instant sixPmLosAngeles = Instant.parse("2026-11-26T02:00:00Z");

        assertThat(QUIET.nextAllowed(sixPmLosAngeles, ZoneId.of("America/Los_Angeles"))).isEqualTo(sixPmLosAngeles);
        assertThat(QUIET.nextAllowed(sixPmLosAngeles, NEW_YORK)).isEqualTo(Instant.parse("2026-11-26T14:00:00Z"));
    }
}
