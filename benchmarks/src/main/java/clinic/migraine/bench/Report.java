package clinic.migraine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** report.md (summary table first), report.json (every figure) and two PNG charts. */
final class Report {

    static final double RATIO_TARGET = 0.25;
    static final double P99_TARGET_MILLIS = 500;
    static final int P99_TARGET_RATE = 200;
    static final double BOOKING_P99_TARGET_MILLIS = 50;
    static final double SERVICE_READY_TARGET_SECONDS = 4;
    static final long SERVICE_RSS_TARGET_MEBIBYTES = 300;
    static final double STACK_READY_TARGET_SECONDS = 25;

    static void write(Benchmarks.Results results, Path output) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules()
                .writeValue(output.resolve("report.json").toFile(), results);
        latencyChart(results, output.resolve("latency-by-rate.png"));
        throughputChart(results, output.resolve("events-by-rate.png"));
        Files.writeString(output.resolve("report.md"), markdown(results));
    }

    static String markdown(Benchmarks.Results r) {
        List<String> md = new ArrayList<>();
        md.add("# Benchmark report (" + r.plan().name() + ", " + LocalDate.now() + ")");
        md.add("");
        md.add("Machine: " + r.machine() + ". Services run with `" + String.join(" ", r.serviceJvm())
                + "`. Load is open loop (fixed arrival rate). Targets are the project's.");
        md.add("");
        double bestEvents = r.pipeline().stream().filter(Pipeline.Step::sustained)
                .mapToDouble(Pipeline.Step::eventsPerSecond).max().orElse(0);
        double ratio = bestEvents / r.reference().producedPerSecond();
        md.add("| measure | value | target | |");
        md.add("|---|---|---|---|");
        md.add(row("reference: raw producer, acks=all, idempotent (" + r.reference().recordBytes() + " B records)",
                "%.0f records/s".formatted(r.reference().producedPerSecond()), "", ""));
        md.add(row("reference: produce → consume p50 / p99", "%.1f / %.1f ms".formatted(r.reference().endToEndMillis().p50(),
                r.reference().endToEndMillis().p99()), "", ""));
        md.add(row("pipeline: highest sustained events/s (all topics)", "%.0f".formatted(bestEvents), "", ""));
        md.add(row("pipeline ÷ reference", "%.1f %%".formatted(ratio * 100), "≥ 25 %", mark(ratio >= RATIO_TARGET)));
        for (Pipeline.Step step : r.pipeline()) {
            boolean gated = step.offeredPerSecond() == P99_TARGET_RATE;
            md.add(row("accepted → booked at " + step.offeredPerSecond() + "/s: p50 / p95 / p99 / max",
                    "%.0f / %.0f / %.0f / %.0f ms".formatted(step.acceptedToBooked().p50(), step.acceptedToBooked().p95(),
                            step.acceptedToBooked().p99(), step.acceptedToBooked().max()),
                    gated ? "p99 ≤ 500 ms" : "", gated ? mark(step.acceptedToBooked().p99() <= P99_TARGET_MILLIS) : ""));
        }
        Contention.Result c = r.contention();
        boolean exact = c.bookingsPerRound().stream().allMatch(b -> b == c.slots());
        md.add(row("contention: " + c.clients() + " clients, " + c.slots() + " slots, " + c.rounds() + " rounds",
                "bookings per round " + c.bookingsPerRound(), "exactly " + c.slots(), mark(exact && c.otherAnswers() == 0)));
        md.add(row("contention: booking latency p50 / p99", "%.1f / %.1f ms".formatted(c.latency().p50(), c.latency().p99()),
                "p99 ≤ 50 ms", mark(c.latency().p99() <= BOOKING_P99_TARGET_MILLIS)));
        for (Benchmarks.Footprint f : r.footprint()) {
            md.add(row(f.service() + ": time to ready, RSS after the run", "%.1f s, %d MiB".formatted(f.secondsToReady(),
                    f.rssMebibytes()), "≤ 4 s, ≤ 300 MB", mark(f.secondsToReady() <= SERVICE_READY_TARGET_SECONDS
                    && f.rssMebibytes() * 1.048576 <= SERVICE_RSS_TARGET_MEBIBYTES)));
        }
        md.add(row("whole stack: time to ready", "%.1f s".formatted(r.stackReadySeconds()), "≤ 25 s",
                mark(r.stackReadySeconds() <= STACK_READY_TARGET_SECONDS)));
        md.add("");
        md.add("## Pipeline by rate");
        md.add("");
        md.add("| offered/s | seconds | submitted | accepted | errors | booked | events/s | lag at end | "
                + "accepted→booked p50/p95/p99/max ms | planned→booked p99 ms | sustained |");
        md.add("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Pipeline.Step s : r.pipeline()) {
            md.add("| %d | %d | %d | %d | %d | %d | %.0f | %d | %.0f / %.0f / %.0f / %.0f | %.0f | %s |".formatted(
                    s.offeredPerSecond(), s.seconds(), s.submitted(), s.accepted(), s.errors(), s.booked(),
                    s.eventsPerSecond(), s.lagAtEnd(), s.acceptedToBooked().p50(), s.acceptedToBooked().p95(),
                    s.acceptedToBooked().p99(), s.acceptedToBooked().max(), s.plannedToBooked().p99(),
                    s.sustained() ? "yes" : "no"));
        }
        md.add("");
        md.add("Every accepted referral is counted: `booked` must equal `accepted` for a rate to count as sustained.");
        md.add("Charts: `latency-by-rate.png`, `events-by-rate.png`. Every figure: `report.json`.");
        md.add("");
        md.add("Not measured here: reminders at scale (1,000,000 planned, 100,000 due in one minute).");
        return String.join("\n", md) + "\n";
    }

    private static String row(String measure, String value, String target, String mark) {
        return "| " + measure + " | " + value + " | " + target + " | " + mark + " |";
    }

    private static String mark(boolean met) {
        return met ? "met" : "missed";
    }

    private static void latencyChart(Benchmarks.Results r, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Accepted → booked latency by arrival rate")
                .xAxisTitle("referrals per second (offered)").yAxisTitle("milliseconds").build();
        List<Double> rates = r.pipeline().stream().map(s -> (double) s.offeredPerSecond()).toList();
        chart.addSeries("p50", rates, r.pipeline().stream().map(s -> s.acceptedToBooked().p50()).toList())
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("p99", rates, r.pipeline().stream().map(s -> s.acceptedToBooked().p99()).toList())
                .setMarker(SeriesMarkers.DIAMOND);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void throughputChart(Benchmarks.Results r, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Events per second across all topics")
                .xAxisTitle("referrals per second (offered)").yAxisTitle("events per second").build();
        List<Double> rates = r.pipeline().stream().map(s -> (double) s.offeredPerSecond()).toList();
        chart.addSeries("pipeline", rates, r.pipeline().stream().map(Pipeline.Step::eventsPerSecond).toList())
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("25 % of raw Kafka", rates, rates.stream()
                .map(x -> r.reference().producedPerSecond() * RATIO_TARGET).toList()).setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private Report() {
    }
}
