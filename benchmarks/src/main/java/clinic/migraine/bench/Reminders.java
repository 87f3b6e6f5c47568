package clinic.migraine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.stack.Stack;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.RunningSystem;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Reminders at scale. The follow-up store is filled, straight through SQL, with {@code planned} planned
 * e-mail reminders, exactly as follow-up writes them (a contact, a booked appointment and a PLANNED message each,
 * sent by its due time); {@code due} of them are then moved to one instant a few
 * seconds ahead, the rest stay days to weeks away. Follow-up is restarted against a counting SMTP sink
 * (SubEtha SMTP, which keeps nothing but the recipient and the arrival time, so the sink is not the bottleneck)
 * and the harness measures, per due reminder, the time from its due instant to its arrival at the sink, counts
 * any recipient reached twice and samples follow-up's heap through its metrics endpoint. Afterwards the store
 * must show every due reminder SENT and every other one still PLANNED.
 */
final class Reminders {

    /**
     * @param dueToSink per due reminder: from the due instant to the mail's arrival at the SMTP sink
     * @param withinMinute due reminders that arrived within 60 s of their due instant
     * @param twice recipients reached more than once
     * @param stray mails to anyone who was not due
     * @param storeStates the benchmark's messages in the store afterwards, by (due or not, status)
     * @param heapUsedMaxMebibytes the highest heap use sampled (every second) while dispatching
     * @param deliveredBySecond how many due reminders had arrived by the end of each second after the due instant
     */
    record Result(long planned, long due, double seedSeconds, String sink, long delivered, long withinMinute,
            long twice, long stray, Percentiles dueToSink, double sendsPerSecond, double secondsUntilLast,
            Map<String, Long> storeStates, long heapUsedMaxMebibytes, long heapMaxMebibytes, boolean complete,
            List<Long> deliveredBySecond) {

        boolean targetMet() {
            return complete && withinMinute == due && early() == 0 && twice == 0 && stray == 0 && heapWithinTarget();
        }

        /** Reminders that reached the sink before their due instant: sent early, never on time. */
        long early() {
            return dueToSink.negative();
        }

        /**
         * Follow-up's heap stayed within the target, measured under a limit above the target (under a limit at or
         * below it, the check could not fail).
         */
        boolean heapWithinTarget() {
            return heapMaxMebibytes * MEBIBYTE > HEAP_TARGET_MEGABYTES && heapUsedMaxMebibytes > 0
                    && heapUsedMaxMebibytes * MEBIBYTE <= HEAP_TARGET_MEGABYTES;
        }
    }

    static final double HEAP_TARGET_MEGABYTES = 512;
    static final double MEBIBYTE = 1.048576;

    /** Follow-up's heap limit for this scenario, above the target (appended after the stack's own options). */
    static final String HEAP_LIMIT = "-Xmx1g";

    private static final String MODULE = "followup-service";
    private static final String DUE_LABEL = "PT24H@bench-due";
    private static final Pattern RECIPIENT = Pattern.compile("<?bench-(\\d+)@reminders\\.example\\.org>?");

    private Reminders() {
    }

    static Result run(Stack stack, int planned, int due, Duration timeout) throws Exception {
        String jdbcUrl = stack.postgres().jdbcUrl("followup");
        long seedStarted = System.nanoTime();
        seed(jdbcUrl, planned, due);
        double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
        Benchmarks.log("Reminders: %,d planned reminders stored in %.1f s; restarting follow-up against the sink with " + HEAP_LIMIT + " ...",
                planned, seedSeconds);

        Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
        AtomicLong twice = new AtomicLong();
        AtomicLong stray = new AtomicLong();
        SMTPServer sink = SMTPServer.port(RunningSystem.freePort()).maxConnections(500)
                .messageHandler((context, from, to, data) -> {
                    long now = System.currentTimeMillis();
                    Matcher recipient = RECIPIENT.matcher(to);
                    if (!recipient.matches() || Integer.parseInt(recipient.group(1)) > due) {
                        stray.incrementAndGet();
                    } else if (arrivals.putIfAbsent(Integer.parseInt(recipient.group(1)), now) != null) {
                        twice.incrementAndGet();
                    }
                }).build();
        sink.start();
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicLong heapUsedMax = new AtomicLong();
        try {
            String followup = stack.restart(MODULE, Map.of("spring.mail.host", "127.0.0.1",
                    "spring.mail.port", String.valueOf(sink.getPortAllocated())), List.of(HEAP_LIMIT)).baseUrl();
            long heapMax = heapMebibytes(followup, "jvm.memory.max");
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    heapUsedMax.accumulateAndGet(heapMebibytes(followup, "jvm.memory.used"), Math::max);
                    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            Instant dueAt = Instant.now().plusSeconds(10);
            makeDue(jdbcUrl, dueAt);
            Benchmarks.log("Reminders: %,d due at %s; waiting up to %d s ...", due, dueAt, timeout.toSeconds());
            long deadline = dueAt.toEpochMilli() + timeout.toMillis();
            while (arrivals.size() < due && System.currentTimeMillis() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            // a little longer, so that a reminder sent twice has the time to show up
            LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
            sampling.set(false);
            sampler.join();

            // a reminder at the sink before its due instant was sent early: counted apart (it fails the target),
            // never clamped to 0 as if it were on time
            Latencies lag = new Latencies();
            long withinMinute = 0;
            long last = dueAt.toEpochMilli();
            long[] bySecond = new long[(int) timeout.toSeconds() + 5];
            for (long arrived : arrivals.values()) {
                long millis = arrived - dueAt.toEpochMilli();
                lag.recordMillis(millis);
                if (millis < 0) {
                    continue;
                }
                withinMinute += millis <= 60_000 ? 1 : 0;
                last = Math.max(last, arrived);
                bySecond[(int) Math.min(bySecond.length - 1, millis / 1000)]++;
            }
            double untilLast = (last - dueAt.toEpochMilli()) / 1000.0;
            List<Long> cumulative = new ArrayList<>();
            long sum = 0;
            for (int second = 0; second <= Math.min(bySecond.length - 1, (int) Math.ceil(untilLast)); second++) {
                sum += bySecond[second];
                cumulative.add(sum);
            }
            return new Result(planned, due, round(seedSeconds), "SubEtha SMTP 7.2.2 (counts recipients, keeps no mail)",
                    arrivals.size(), withinMinute, twice.get(), stray.get(), lag.percentiles(),
                    untilLast <= 0 ? 0 : round(arrivals.size() / untilLast), round(untilLast), storeStates(jdbcUrl),
                    heapUsedMax.get(), heapMax, arrivals.size() == due, cumulative);
        } finally {
            sampling.set(false);
            sink.stop();
        }
    }

    /**
     * Contacts, booked appointments and PLANNED reminders (sent by their due time, no timer of their own), as
     * follow-up itself would have planned them: the due ones for visits two days ahead (moved to one instant later), two reminders each (7 days and
     * 1 day before) for visits 8 to 90 days ahead.
     */
    static void seed(String jdbcUrl, int planned, int due) throws SQLException {
        int later = (planned - due) / 2;
        int appointments = due + later;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into contact (referral_id, email, time_zone, preferred_channel)
                    select md5('bench-referral-' || g)::uuid, 'bench-' || g || '@reminders.example.org',
                           '%s', 'EMAIL'
                    from generate_series(1, %d) g""".formatted(afternoonZone(Instant.now()), appointments));
            sql.execute("""
                    insert into appointment (id, referral_id, cycle, start_at, end_at, provider, location, clinic_zone,
                                             status)
                    select md5('bench-appointment-' || g)::uuid, md5('bench-referral-' || g)::uuid, 1, s, s + interval '30 minutes',
                           'Reminder Bench', 'Marina Del Rey', 'America/Los_Angeles', 'booked'
                    from (select g, case when g <= %d then now() + interval '2 days'
                                    else now() + interval '8 days' + (g %% 3936) * interval '30 minutes' end as s
                          from generate_series(1, %d) g) a""".formatted(due, appointments));
            sql.execute("""
                    insert into message (id, referral_id, subject_key, kind, channel, label, appointment_id, cycle,
                                         due_at, status, created_at)
                    select md5('bench-message-' || a.id || '-' || r.lead)::uuid, a.referral_id,
                           'appointment:' || a.id, 'REMINDER', 'EMAIL',
                           case when a.start_at < now() + interval '3 days' then '%s'
                                else 'PT' || r.lead || 'H@bench' end,
                           a.id, 1, a.start_at - r.lead * interval '1 hour', 'PLANNED', now()
                    from appointment a
                    join (values (24), (168)) r(lead)
                      on r.lead = 24 or a.start_at >= now() + interval '3 days'
                    where a.location = 'Marina Del Rey' and a.provider = 'Reminder Bench'""".formatted(DUE_LABEL));
            sql.execute("analyze");
        }
    }

    /**
     * A time zone where it is early afternoon now, so that the due reminders fall outside the patients' quiet
     * hours (follow-up checks them again at sending and would rightly hold a reminder due at night until the
     * morning) whenever the benchmark runs.
     */
    static String afternoonZone(Instant now) {
        int utcHour = now.atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(13 - utcHour + 11, 24) - 11;
        // the Etc/GMT zones count the other way: Etc/GMT-3 is three hours ahead of UTC
        return offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    private static void makeDue(String jdbcUrl, Instant dueAt) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            db.setAutoCommit(false);
            try (PreparedStatement messages = db.prepareStatement("update message set due_at = ? where label = ?")) {
                messages.setTimestamp(1, Timestamp.from(dueAt));
                messages.setString(2, DUE_LABEL);
                messages.executeUpdate();
            }
            db.commit();
        }
        if (Instant.now().isAfter(dueAt)) {
            Benchmarks.log("Reminders: moving the due reminders took past their due instant; the lag includes it");
        }
    }

    private static Map<String, Long> storeStates(String jdbcUrl) throws SQLException {
        Map<String, Long> states = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("""
                        select case when label = '%s' then 'due' else 'not due' end as kind, status, count(*)
                        from message where label like '%%@bench%%' group by 1, 2""".formatted(DUE_LABEL))) {
            while (rows.next()) {
                states.put(rows.getString(1) + " " + rows.getString(2), rows.getLong(3));
            }
        }
        return states;
    }

    /** A heap figure from the service's Micrometer metrics, in MiB, or 0 when it cannot be read. */
    static long heapMebibytes(String baseUrl, String metric) {
        Api.Answer answer = new Api(baseUrl).get("/actuator/metrics/" + metric + "?tag=area:heap");
        return answer.status() == 200
                ? (long) (((Number) answer.read("$.measurements[0].value")).doubleValue() / (1024 * 1024)) : 0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
