package clinic.migraine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading {@code /proc/<pid>/stat} and the per-process differences the report divides by the referrals. */
class ProcessCpuTest {

    @Test
    void readsParentAndCpuTimesAfterACommandNameWithSpacesAndParentheses() {
        String line = "4242 (postgres: wal (writer)) S 17 4242 4242 0 -1 4194368 120 0 0 0 31 7 5 2 20 0 1 0 900 "
                + "170000000 2000 18446744073709551615 1 1 0 0 0 0 0 4096 16384 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcessCpu.parseStat(line)).containsExactly(17, 31, 7, 5, 2);
    }

    @Test
    void theDifferenceLeavesOutAProcessThatCouldNotBeRead() {
        Map<String, Double> before = new LinkedHashMap<>(Map.of("postgres", 1.0, "kafka-broker", -1.0));
        Map<String, Double> after = new LinkedHashMap<>(Map.of("postgres", 3.5, "kafka-broker", 9.0));

        assertThat(ProcessCpu.difference(before, after)).containsExactly(Map.entry("postgres", 2.5));
    }
}
