package clinic.migraine.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds, from a histogram recorded in microseconds.
 *
 * @param negative times that came out below zero and were recorded nowhere else (not clamped to 0): a clock or
 *        matching bug in the harness, never a fast answer
 */
record Percentiles(long count, double p50, double p95, double p99, double max, long negative) {

    static Percentiles ofMicros(Histogram histogram) {
        return ofMicros(histogram, 0);
    }

    static Percentiles ofMicros(Histogram histogram, long negative) {
        if (histogram.getTotalCount() == 0) {
            return new Percentiles(0, 0, 0, 0, 0, negative);
        }
        return new Percentiles(histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()), negative);
    }

    private static double millis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
