package clinic.migraine.bench;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, from a histogram recorded in microseconds. */
record Percentiles(long count, double p50, double p95, double p99, double max) {

    static Percentiles ofMicros(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        return new Percentiles(histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()));
    }

    private static double millis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
