package clinic.migraine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The harness with tiny numbers: the report and its figures are produced and every referral is accounted for. */
class BenchmarkSmokeIT {

    @Test
    void producesTheReportWithEveryFigureAndAccountsForEveryReferral() throws Exception {
        Path output = Path.of("target/benchmarks-smoke");
        Benchmarks.Plan tiny = new Benchmarks.Plan("smoke", 2_000, List.of(5), 3, 60, 1, 6, 2, 2);

        Benchmarks.Results results = Benchmarks.run(tiny, output, Benchmarks.SERVICE_JVM);

        assertThat(output.resolve("report.md")).content().contains("pipeline ÷ reference", "contention",
                "whole stack: time to ready");
        assertThat(output.resolve("latency-by-rate.png")).isNotEmptyFile();
        assertThat(output.resolve("events-by-rate.png")).isNotEmptyFile();
        assertThat(Files.readAllBytes(output.resolve("latency-by-rate.png"))).startsWith(0x89, 'P', 'N', 'G');
        JsonNode json = new ObjectMapper().readTree(output.resolve("report.json").toFile());
        assertThat(json.at("/reference/producedPerSecond").asDouble()).isPositive();
        assertThat(json.at("/pipeline/0/submitted").asInt()).isEqualTo(15);
        assertThat(json.at("/footprint")).hasSize(4);

        Pipeline.Step step = results.pipeline().get(0);
        assertThat(step.errors()).isZero();
        assertThat(step.accepted()).isEqualTo(step.submitted());
        assertThat(step.booked()).as("every accepted referral booked").isEqualTo(step.accepted());
        assertThat(step.acceptedToBooked().count()).isEqualTo(step.booked());
        assertThat(results.contention().bookingsPerRound()).containsExactly(2);
        assertThat(results.reference().records()).isEqualTo(2_000);
    }
}
