package clinic.migraine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import clinic.migraine.stack.Stack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The harness with tiny numbers, checked against what the services stored rather than against its own counts:
 * every referral intake stored is SCHEDULED and has exactly one appointment in scheduling's database, each
 * contended slot was booked exactly once, and no request was answered with a 5xx. Timings are never checked.
 */
class BenchmarkSmokeIT {

    private record Appointment(String referralId, String providerId, Instant start) {
    }

    @Test
    void everyStoredReferralIsBookedOnceEveryContendedSlotOnceAndNoRequestFailedOnTheServer() throws Exception {
        Path output = Path.of("target/benchmarks-smoke").toAbsolutePath();
        Benchmarks.Plan tiny = Benchmarks.Plan.smoke();
        Map<String, String> referralStatus = new HashMap<>();
        List<Appointment> appointments = new ArrayList<>();

        // no class-data archives: a first start would write them in the background and the run would wait for them
        Benchmarks.Results results = Benchmarks.run(tiny, output, null, null, stack -> {
            referralStatus.putAll(referrals(stack));
            appointments.addAll(appointments(stack));
        });

        int sent = 1 + tiny.idleReferrals() + tiny.warmupReferrals() + tiny.rates().get(0) * tiny.secondsPerRate()
                + tiny.saturationReferrals();
        assertThat(referralStatus).as("referrals stored by intake").hasSize(sent);
        assertThat(referralStatus.values()).as("every stored referral SCHEDULED").containsOnly("SCHEDULED");
        List<Appointment> pipeline = appointments.stream().filter(a -> referralStatus.containsKey(a.referralId()))
                .toList();
        assertThat(pipeline).as("one appointment per stored referral").hasSize(sent)
                .extracting(Appointment::referralId).doesNotHaveDuplicates();

        List<Appointment> contended = appointments.stream().filter(a -> !referralStatus.containsKey(a.referralId()))
                .toList();
        assertThat(contended).as("the contention rounds' bookings and the lone client's").hasSize(
                (tiny.contentionRounds() + 1) * tiny.contentionSlots()).allSatisfy(a -> {
                    assertThat(a.providerId()).isEqualTo(Benchmarks.providerId(1));
                    assertThat(a.start()).isAfter(Instant.now().plus(140, ChronoUnit.DAYS));
                });
        assertThat(contended.stream().map(a -> a.providerId() + "@" + a.start())).as("each slot booked once")
                .doesNotHaveDuplicates();

        List<Pipeline.Step> steps = Stream.concat(Stream.of(results.warmup(), results.saturation()),
                results.pipeline().stream()).toList();
        assertThat(steps).allSatisfy(step -> assertThat(step.errorKinds().keySet()).as(step.label())
                .noneMatch(kind -> kind.startsWith("HTTP 5")));
        assertThat(results.contention().otherAnswers()).as("contention answers other than 201 and 409").isZero();
        assertThat(results.contention().alone().count()).as("the lone client's bookings timed")
                .isEqualTo(tiny.contentionSlots());
        assertThat(results.contention().conflictsPerRound()).as("everyone else told the slot is taken")
                .containsOnly(tiny.contentionClients() - tiny.contentionSlots());

        assertThat(output.resolve("report.md")).content().contains("pipeline at saturation ÷ reference",
                "## CPU by process", "contention", "whole stack: time to ready", "reminders at scale")
                .doesNotContain("Not measured");
        for (String chart : new String[] {Report.LATENCY_CHART, Report.EVENTS_CHART, Report.REMINDER_CHART}) {
            assertThat(Files.readAllBytes(output.resolve(chart))).as(chart).startsWith(0x89, 'P', 'N', 'G');
        }
        JsonNode json = new ObjectMapper().readTree(output.resolve("report.json").toFile());
        for (String process : ProcessCpu.COMPONENTS) {
            assertThat(json.at("/pipeline/0/cpuSeconds").has(process)).as("CPU of " + process).isTrue();
        }
        assertThat(json.at("/pipeline/0/cpuSeconds/intake-service").asDouble()).isPositive();
        assertThat(json.at("/pipeline/0/cpuSeconds/postgres").asDouble()).as("the postmaster's tree").isPositive();

        IdleLatency.Result idle = results.idle();
        assertThat(idle.notBooked()).as("every idle referral booked").isZero();
        assertThat(idle.first()).as("the first referral after the start").isNotNull();
        assertThat(idle.acceptedToBooked().count() + idle.acceptedToBooked().negative()).as("each one after it measured")
                .isEqualTo(tiny.idleReferrals());
        assertThat(List.of(idle.intake(), idle.eligibility(), idle.scheduling())).as("each hop traced")
                .allSatisfy(hop -> assertThat(hop.count() + hop.negative()).isEqualTo(tiny.idleReferrals()));
        assertThat(output.resolve("report.md")).content().contains("idle stack: accepted → booked",
                "## Idle stack, one referral at a time");

        Reminders.Result reminders = results.reminders();
        assertThat(reminders.delivered()).as("every due reminder reached the sink").isEqualTo(tiny.reminderDue());
        assertThat(reminders.twice()).as("none twice").isZero();
        assertThat(reminders.stray()).as("none to anyone not due").isZero();
        assertThat(reminders.storeStates()).containsEntry("due SENT", (long) tiny.reminderDue())
                .containsEntry("not due PLANNED", (long) tiny.reminderPlanned() - tiny.reminderDue()).hasSize(2);
        assertThat(reminders.heapMaxMebibytes() * Reminders.MEBIBYTE).as("heap limit above the target")
                .isGreaterThan(Reminders.HEAP_TARGET_MEGABYTES);
    }

    private static Map<String, String> referrals(Stack stack) {
        Map<String, String> status = new HashMap<>();
        query(stack, "intake", "select id, status from referral", row -> status.put(row.getString(1), row.getString(2)));
        return status;
    }

    private static List<Appointment> appointments(Stack stack) {
        List<Appointment> found = new ArrayList<>();
        query(stack, "scheduling", "select referral_id, provider_id, start_at from appointment", row -> found.add(
                new Appointment(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant())));
        return found;
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Stack stack, String database, String sql, Row each) {
        try (Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl(database), "postgres", "postgres");
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                each.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
