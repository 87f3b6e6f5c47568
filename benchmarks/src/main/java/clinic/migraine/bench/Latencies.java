package clinic.migraine.bench;

import org.HdrHistogram.Histogram;

/**
 * Times in milliseconds from several threads. A negative time is counted apart, never clamped to 0: it can only
 * come from a bug (clocks or matching), and the verdicts that use these times fail on it.
 */
final class Latencies {

    private final Histogram histogram = new Histogram(3_600_000_000L, 3);
    private long negative;

    synchronized void recordMillis(long millis) {
        if (millis < 0) {
            negative++;
        } else {
            histogram.recordValue(millis * 1000);
        }
    }

    synchronized Percentiles percentiles() {
        return Percentiles.ofMicros(histogram, negative);
    }
}
