package clinic.migraine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import clinic.migraine.events.EventTopic;
import clinic.migraine.faults.Ledger.Submitted;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.KafkaOffsets;
import clinic.migraine.testsupport.RunningSystem;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults against the real system on separate processes, each during a burst of referrals, each followed by a
 * full accounting: every referral booked once and confirmed once, nothing left in an outbox, the dead-letter
 * topics holding exactly the poison injected. {@code -Dclinic.faults=full} (./run-fault-tests) kills every
 * service in turn and sends bigger bursts; the quick set runs in {@code verify}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final boolean FULL = "full".equals(System.getProperty("clinic.faults"));
    private static final int BURST = FULL ? 40 : 12;
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final Path REPORT = Path.of("target/fault-report.md");

    private static RunningSystem system;
    private static Ledger ledger;
    private static final List<Submitted> everyReferral = new ArrayList<>();
    private static final Map<String, Integer> poisonPerDeadLetterTopic = new TreeMap<>();
    private static final List<String> table = new ArrayList<>();

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.start(Path.of("target/stack-logs").toAbsolutePath(), Map.of());
        ledger = new Ledger(system);
        system.awaitStatus(submitWithRetries(newReferral()).id().toString(), "SCHEDULED");
    }

    @AfterAll
    static void report() throws IOException {
        if (system != null) {
            system.close();
        }
        List<String> lines = new ArrayList<>();
        lines.add("| scenario | load | faults injected | referrals lost | duplicates | in doubt | recovery |");
        lines.add("|---|---|---|---|---|---|---|");
        lines.addAll(table);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    @Test
    @Order(1)
    void aServiceKilledWithSigkillMidBurstIsRestartedAndLosesNothing() {
        List<String> victims = FULL
                ? List.of("intake-service", "eligibility-service", "scheduling-service", "followup-service")
                : List.of("followup-service");
        for (String victim : victims) {
            scenario("kill -9 " + victim, "kill -9, restart after 2 s",
                    () -> system.stack().services().get(victim).process().kill(),
                    () -> system.stack().restart(victim), Duration.ofSeconds(2));
        }
    }

    @Test
    @Order(2)
    void theBrokerStoppedMidStreamAndRestartedIsRecoveredFromWithoutHelp() {
        scenario("broker stopped", "broker down 8 s", () -> system.stack().stopKafka(),
                () -> system.stack().startKafka(), Duration.ofSeconds(8));
    }

    @Test
    @Order(3)
    void withTheRegistryDownRunningServicesGoOnWithTheSchemasTheyKnow() {
        scenario("schema registry down", "registry down 8 s", () -> system.stack().stopRegistry(),
                () -> system.stack().startRegistry(), Duration.ofSeconds(8));
    }

    @Test
    @Order(4)
    void aServiceDatabaseThatGoesAwayIsWaitedForAndNothingIsDeadLettered() {
        scenario("eligibility database down", "connections refused and cut 8 s", () -> {
            ledger.execute("postgres", "alter database eligibility allow_connections false");
            ledger.execute("postgres", "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'eligibility'");
        }, () -> ledger.execute("postgres", "alter database eligibility allow_connections true"), Duration.ofSeconds(8));
    }

    @Test
    @Order(5)
    void mailThatCannotBeDeliveredIsRetriedAndSentOnceWhenTheServerIsBack() {
        scenario("mail server down", "SMTP refused 10 s", () -> system.stack().mail().pause(),
                () -> system.stack().mail().resume(), Duration.ofSeconds(10));
    }

    @Test
    @Order(6)
    void poisonOnEveryConsumedTopicLandsInItsDeadLetterTopicAndTheConsumersGoOn() throws Exception {
        Map<String, Set<String>> consumers = consumersByTopic();
        assertThat(consumers).isNotEmpty();
        Random random = new Random(7);
        int injected = 0;
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            for (Map.Entry<String, Set<String>> topic : consumers.entrySet()) {
                byte[] garbage = new byte[24];
                random.nextBytes(garbage);
                garbage[0] = 42;
                byte[] unknownSchema = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(1).array();
                byte[] nonsense = NonsenseEvents.forTopic(EventTopic.forTopicName(topic.getKey()).orElseThrow(),
                        system.stack().registry().ccompatUrl());
                for (byte[] poison : List.of(garbage, unknownSchema, nonsense)) {
                    producer.send(new ProducerRecord<>(topic.getKey(), UUID.randomUUID().toString(), poison)).get();
                    injected++;
                    for (String group : topic.getValue()) {
                        poisonPerDeadLetterTopic.merge("error." + topic.getKey() + "." + group, 1, Integer::sum);
                    }
                }
            }
        }
        int faults = injected;
        scenario("poison messages", faults + " records (random bytes, unknown schema, valid Avro with nonsense values) on "
                + consumers.size() + " topics", () -> { },
                () -> { }, Duration.ZERO);
        await().atMost(SETTLE).untilAsserted(() -> assertThat(deadLetterCounts()).isEqualTo(poisonPerDeadLetterTopic));
        long counted = 0;
        for (Api api : List.of(system.intake, system.eligibility, system.scheduling, system.followup)) {
            String metrics = api.get("/actuator/prometheus").body();
            counted += metrics.lines().filter(line -> line.startsWith("clinic_messaging_dead_letters_total"))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        }
        assertThat(counted).isEqualTo(poisonPerDeadLetterTopic.values().stream().mapToInt(Integer::intValue).sum());
        Map<String, Integer> shownToStaff = new TreeMap<>();
        for (Api api : List.of(system.intake, system.eligibility, system.scheduling, system.followup)) {
            Api.Answer letters = api.get("/api/dead-letters");
            assertThat(letters.status()).isEqualTo(200);
            List<String> topics = com.jayway.jsonpath.JsonPath.read(letters.body(), "$[*].topic");
            topics.forEach(topic -> shownToStaff.merge(topic, 1, Integer::sum));
            List<String> reasons = com.jayway.jsonpath.JsonPath.read(letters.body(), "$[*].reason");
            assertThat(reasons).allSatisfy(reason -> assertThat(reason).isNotBlank());
        }
        assertThat(shownToStaff).as("what staff see at /api/dead-letters").isEqualTo(poisonPerDeadLetterTopic);
    }

    @Test
    @Order(7)
    void everyEventDeliveredAgainHasNoSecondEffect() throws Exception {
        int copied = 0;
        long started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer(); KafkaProducer<String, byte[]> producer = rawProducer()) {
            List<String> topics = new ArrayList<>();
            for (EventTopic topic : EventTopic.values()) {
                topics.add(topic.topicName());
            }
            consumer.subscribe(topics);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long before;
            try (KafkaOffsets offsets = offsets()) {
                before = offsets.records(topics);
            }
            await().atMost(SETTLE).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                return records.size() >= before;
            });
            for (ConsumerRecord<String, byte[]> record : records) {
                ProducerRecord<String, byte[]> again = new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                        record.headers());
                producer.send(again);
                copied++;
            }
            producer.flush();
        }
        awaitNoLag();
        Ledger.Count count = settled(everyReferral);
        table.add(row("every event delivered twice", copied + " events", copied + " duplicates", count, started));
        assertNothingLostOrDoubled(count);
    }

    @Test
    @Order(8)
    void hostileHttpInputIsAnsweredWithProblemDetailsAndStoresNothing() {
        TableCounts tables = new TableCounts(system);
        UUID referral = tables.id("intake", "select id from referral where status = 'SCHEDULED' order by created_at limit 1");
        UUID patient = tables.id("intake", "select patient_id from referral where status = 'SCHEDULED' order by created_at limit 1");
        UUID appointment = tables.id("scheduling", "select id from appointment where status = 'booked' order by start_at limit 1");
        assertThat(List.of(referral, patient, appointment)).as("a booked referral to aim at").doesNotContainNull();
        // what earlier work still sets off (a confirmation sent, its event read by intake) settles first: no lag, empty
        // outboxes, and every table's count the same in two readings a second apart
        List<Map<String, Long>> readings = new ArrayList<>();
        Map<String, Long> before;
        try (KafkaOffsets offsets = offsets()) {
            before = await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                readings.add(ledger.unpublished() == 0 && offsets.lag() == 0 ? tables.count() : Map.of());
                int last = readings.size() - 1;
                return last > 0 && !readings.get(last).isEmpty() && readings.get(last).equals(readings.get(last - 1))
                        ? readings.get(last) : null;
            }, counts -> counts != null);
        }
        Map<String, String> named = Map.of("referral", tables.row("intake", "referral", referral),
                "patient", tables.row("intake", "patient", patient),
                "appointment", tables.row("scheduling", "appointment", appointment));
        int requests = FULL ? 3000 : 600;

        HostileInput hostile = new HostileInput(new Random(11), requests);
        List<String> failures = hostile.run(system, referral, appointment, patient);

        assertThat(failures).as("answers other than the expected status with problem details").isEmpty();
        assertThat(hostile.sent()).as("distinct hostile requests").isEqualTo(requests);
        // the run sends no valid request, so every table keeps its rows and the records it aimed at stay as they were
        assertThat(TableCounts.changes(before, tables.count())).as("tables whose rows changed in number").isEmpty();
        assertThat(Map.of("referral", tables.row("intake", "referral", referral),
                "patient", tables.row("intake", "patient", patient),
                "appointment", tables.row("scheduling", "appointment", appointment))).isEqualTo(named);
        System.out.println("hostile input: " + hostile.kinds() + ", answered " + hostile.statuses() + ", " + before.size()
                + " tables counted");
        table.add("| hostile HTTP input | " + hostile.sent() + " distinct requests | " + hostile.kinds().size()
                + " kinds (malformed, mistyped, broken and missing values, injection, unknown fields, huge, deeply "
                + "nested, random bytes, wrong content type, method or id, bad queries), each with its expected status; "
                + before.size() + " tables unchanged | 0 | 0 | 0 | - |");
    }

    @Test
    @Order(9)
    void afterEveryFaultNoLogHoldsAPatientsEmailPhoneMemberIdOrBirthDate() {
        Path logs = Path.of("target/stack-logs").toAbsolutePath();
        PatientDataInLogs search = PatientDataInLogs.ofEveryReferral(system);
        assertThat(search.values()).as("values searched for").isGreaterThan(0);
        // the search finds each value in the shapes a log could hold it in
        PatientDataInLogs check = PatientDataInLogs.of("fault-check-7@example.org", "+13105550142", "XJ-424242",
                "1961-07-04");
        for (String line : List.of("to fault-check-7%40example.org", "to fault-check-7%2540example.org",
                "mail FAULT-CHECK-7@example.org", "local part fault-check-7.", "call (310) 555-0142", "call +1 310 555 0142",
                "call 310.555.0142", "sms 13105550142", "phone=%2B13105550142", "member XJ-424242", "born 1961-07-04")) {
            assertThat(check.find(line)).as(line).isNotNull();
        }
        assertThat(check.find("referral 73105550142 at 2026-07-04 from example.org")).isNull();
        List<String> found = search.findUnder(logs);
        assertThat(found).as("lines in %s holding a patient's data", logs).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * A burst of referrals: the first quarter before the fault, the second quarter sent while it lasts (the client
     * retries until accepted), the rest after it was healed. Then the books.
     */
    private static void scenario(String name, String faults, Runnable inject, Runnable heal, Duration down) {
        List<CompletableFuture<Submitted>> inFlight = new ArrayList<>();
        for (int i = 0; i < BURST / 4; i++) {
            inFlight.add(CompletableFuture.completedFuture(submitWithRetries(newReferral())));
        }
        inject.run();
        for (int i = BURST / 4; i < BURST / 2; i++) {
            inFlight.add(CompletableFuture.supplyAsync(() -> submitWithRetries(newReferral())));
        }
        sleep(down);
        heal.run();
        long healedAt = System.nanoTime();
        for (int i = BURST / 2; i < BURST; i++) {
            inFlight.add(CompletableFuture.completedFuture(submitWithRetries(newReferral())));
        }
        List<Submitted> burst = inFlight.stream().map(CompletableFuture::join).toList();
        everyReferral.addAll(burst);
        Ledger.Count count = settled(burst);
        table.add(row(name, burst.size() + " referrals", faults, count, healedAt));
        assertNothingLostOrDoubled(count);
    }

    private static Ledger.Count settled(List<Submitted> referrals) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> {
            Ledger.Count count = ledger.count(referrals);
            return count.reached() + count.inDoubt() >= count.expected() && ledger.unpublished() == 0;
        });
        // whatever could still arrive twice has had time to: the books are read once more after a pause
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        return ledger.count(referrals);
    }

    private static void assertNothingLostOrDoubled(Ledger.Count count) {
        assertThat(count.problems()).as("lost or doubled").isEmpty();
        assertThat(count.lost()).isZero();
        assertThat(count.duplicates()).isZero();
        assertThat(ledger.unpublished()).isZero();
    }

    private static String row(String scenario, String load, String faults, Ledger.Count count, long healedAt) {
        double seconds = (System.nanoTime() - healedAt) / 1e9;
        return "| %s | %s | %s | %d | %d | %d | %.1f s |".formatted(scenario, load, faults, count.lost(),
                count.duplicates(), count.inDoubt(), seconds);
    }

    private static Submitted newReferral() {
        return new Submitted(null, "fault-" + UUID.randomUUID() + "@example.org");
    }

    /** As a real client would: the same Idempotency-Key until intake answers 201, however long it is away. */
    private static Submitted submitWithRetries(Submitted referral) {
        String key = UUID.randomUUID().toString();
        Api.Answer answer = await().atMost(SETTLE).pollInterval(Duration.ofMillis(250)).until(
                () -> system.intake.post("/api/referrals", RunningSystem.eligibleReferral(referral.email()),
                        Map.of("Idempotency-Key", key)),
                a -> a.status() == 201);
        return new Submitted(UUID.fromString(answer.read("$.id")), referral.email());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------- Kafka helpers

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafka().bootstrapServers()));
    }

    /** Which consumer group reads which event topic, as the broker sees the live members. */
    private static Map<String, Set<String>> consumersByTopic() throws ExecutionException, InterruptedException {
        Map<String, Set<String>> consumers = new TreeMap<>();
        try (Admin admin = admin()) {
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(KafkaOffsets.GROUPS).all().get().values()) {
                for (MemberDescription member : group.members()) {
                    for (TopicPartition partition : member.assignment().topicPartitions()) {
                        if (EventTopic.forTopicName(partition.topic()).isPresent()) {
                            consumers.computeIfAbsent(partition.topic(), t -> new TreeSet<>()).add(group.groupId());
                        }
                    }
                }
            }
        }
        return consumers;
    }

    private static Map<String, Integer> deadLetterCounts() {
        try (KafkaOffsets offsets = offsets()) {
            List<String> deadLetterTopics = offsets.topics().stream().filter(name -> name.startsWith("error.")).toList();
            Map<String, Integer> counts = new TreeMap<>();
            for (Map.Entry<TopicPartition, Long> end : offsets.endOffsets(deadLetterTopics).entrySet()) {
                if (end.getValue() > 0) {
                    counts.merge(end.getKey().topic(), end.getValue().intValue(), Integer::sum);
                }
            }
            return counts;
        }
    }

    private static KafkaOffsets offsets() {
        return new KafkaOffsets(system.stack().kafka().bootstrapServers());
    }

    /** Until every service's consumer group has read everything on the event topics. */
    private static void awaitNoLag() {
        try (KafkaOffsets offsets = offsets()) {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> offsets.lag() == 0);
        }
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static KafkaConsumer<String, byte[]> rawConsumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fault-copier-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }
}
