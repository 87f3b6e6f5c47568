package clinic.migraine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The harness with tiny numbers: the report, its JSON and its charts are produced, and every referral and every
 * due reminder is accounted for. Timings are never checked.
 */
class BenchmarkSmokeIT {

    @Test
    void producesTheReportWithEveryFigureAndAccountsForEveryReferralAndReminder() throws Exception {
        Path output = Path.of("target/benchmarks-smoke").toAbsolutePath();
        Benchmarks.Plan tiny = Benchmarks.Plan.smoke();

        Benchmarks.Results results = Benchmarks.run(tiny, output, null, null);

        assertThat(output.resolve("report.md")).content().contains("pipeline ÷ reference", "contention",
                "whole stack: time to ready", "reminders at scale");
        for (String chart : new String[] {Report.LATENCY_CHART, Report.EVENTS_CHART, Report.REMINDER_CHART}) {
            assertThat(Files.readAllBytes(output.resolve(chart))).as(chart).startsWith(0x89, 'P', 'N', 'G');
        }
        JsonNode json = new ObjectMapper().readTree(output.resolve("report.json").toFile());
        assertThat(json.at("/reference/producedPerSecond").asDouble()).isPositive();
        assertThat(json.at("/pipeline/0/submitted").asInt()).isEqualTo(15);
        assertThat(json.at("/footprint")).hasSize(6);
        assertThat(json.at("/reminders/due").asLong()).isEqualTo(200);

        Pipeline.Step step = results.pipeline().get(0);
        assertThat(step.httpErrors()).isZero();
        assertThat(step.accepted()).isEqualTo(step.submitted());
        assertThat(step.booked()).as("every accepted referral booked").isEqualTo(step.accepted());
        assertThat(step.acceptedToBooked().count()).isEqualTo(step.booked());
        assertThat(results.accounting().everyReferralBooked()).as(results.accounting().toString()).isTrue();
        assertThat(results.contention().bookingsPerRound()).containsExactly(2);
        assertThat(results.reference().records()).isEqualTo(2_000);

        Reminders.Result reminders = results.reminders();
        assertThat(reminders.delivered()).as("every due reminder reached the sink").isEqualTo(200);
        assertThat(reminders.twice()).as("none twice").isZero();
        assertThat(reminders.stray()).as("none to anyone not due").isZero();
        assertThat(reminders.storeStates()).containsEntry("due SENT", 200L).containsEntry("not due PLANNED", 1_800L)
                .hasSize(2);
        assertThat(reminders.heapUsedMaxMebibytes()).isPositive();
    }
}
