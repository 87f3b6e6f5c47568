package clinic.migraine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The seeded patients live where it is afternoon, whatever hour the benchmark runs at; the heap target is only
 * met when it could have been missed.
 */
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

    @Test
    void theHeapTargetIsNotMetUnderALimitAtOrBelowItWhereItCouldNotFail() {
        assertThat(withHeap(200, 256).heapWithinTarget()).isFalse();
        assertThat(withHeap(200, 488).heapWithinTarget()).as("488 MiB is 511.7 MB").isFalse();
    }

    @Test
    void theHeapTargetIsMetUnderAHigherLimitOnlyWhenTheMostUsedStaysWithin512Megabytes() {
        assertThat(withHeap(300, 1_024).heapWithinTarget()).isTrue();
        assertThat(withHeap(489, 1_024).heapWithinTarget()).as("489 MiB is 512.8 MB").isFalse();
        assertThat(withHeap(0, 1_024).heapWithinTarget()).as("never sampled").isFalse();
    }

    @Test
    void aReminderThatReachedTheSinkBeforeItWasDueFailsTheTarget() {
        assertThat(withEarly(0).targetMet()).isTrue();
        assertThat(withEarly(1).early()).isEqualTo(1);
        assertThat(withEarly(1).targetMet()).as("sent before due").isFalse();
    }

    private static Reminders.Result withEarly(long early) {
        return new Reminders.Result(2_000, 200, 1, "sink", 200, 200, 0, 0, new Percentiles(200, 1, 1, 1, 1, early), 200,
                1, Map.of(), 300, 1_024, true, List.of(200L));
    }

    private static Reminders.Result withHeap(long usedMebibytes, long limitMebibytes) {
        return new Reminders.Result(2_000, 200, 1, "sink", 200, 200, 0, 0, new Percentiles(200, 1, 1, 1, 1, 0), 200, 1,
                Map.of(), usedMebibytes, limitMebibytes, true, List.of(200L));
    }
}
