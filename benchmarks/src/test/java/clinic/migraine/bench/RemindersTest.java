package clinic.migraine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** The seeded patients live where it is afternoon, whatever hour the benchmark runs at. */
class RemindersTest {

    @Test
    void everyHourOfTheDayFindsAZoneWhereItIsEarlyAfternoon() {
        Instant midnight = Instant.parse("2026-12-03T00:20:00Z");
        for (int hour = 0; hour < 24; hour++) {
            Instant now = midnight.plus(hour, ChronoUnit.HOURS);
            ZoneId zone = ZoneId.of(Reminders.afternoonZone(now));
            assertThat(now.atZone(zone).getHour()).as("at %s in %s", now, zone).isEqualTo(13);
        }
    }
}
