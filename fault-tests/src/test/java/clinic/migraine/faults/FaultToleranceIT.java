package clinic.migraine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

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
import org.apache.kafka.clients.producer.RecordMetadata;
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
 * Faults against the real system on separate processes, each during a burst of referrals sent by several clients
 * at once, each followed by a full accounting: every accepted referral booked once and confirmed once, every
 * refused one stored nowhere, nothing left in an outbox or unread on any partition, the dead-letter topics
 * holding exactly the poison injected. A kill -9 waits for evidence that the victim has work in hand; an outage
 * lasts until a number of referrals were sent during it. {@code -Dclinic.faults=full} (./run-fault-tests) kills
 * every service in turn and sends bigger bursts; the quick set runs in {@code verify}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final boolean FULL = "full".equals(System.getProperty("clinic.faults"));
    private static final int BURST = FULL ? 40 : 12;
    private static final int QUARTER = BURST / 4;
    private static final Duration SETTLE = Duration.ofSeconds(120);
    /** How long a client keeps retrying: longer than a killed service may take to start again on a busy machine. */
    private static final Duration PATIENCE = Duration.ofMinutes(6);
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
    void aServiceKilledWithSigkillWhileItHasWorkInHandIsRestartedAndLosesNothing() {
        List<String> victims = FULL
                ? List.of("intake-service", "eligibility-service", "scheduling-service", "followup-service")
                : List.of("intake-service", "followup-service");
        for (String victim : victims) {
            boolean intake = victim.equals("intake-service");
            scenario(new Fault("kill -9 " + victim, "kill -9, restarted once " + QUARTER + " referrals were "
                    + (intake ? "tried (refused)" : "accepted") + " without it",
                    (offsets, clients) -> workInHand(victim, offsets, clients),
                    () -> system.stack().services().get(victim).process().kill(), intake ? TRIED : ACCEPTED,
                    NOTHING_MORE, () -> system.stack().restart(victim), 1));
        }
    }

    @Test
    @Order(2)
    void theBrokerStoppedOrKilledMidStreamAndRestartedIsRecoveredFromWithoutHelp() {
        // the quick set keeps the harsher kill -9 only (verify's time); the full set stops it gracefully too
        if (FULL) {
            scenario(new Fault("broker stopped", "broker stopped until " + QUARTER + " referrals were accepted without it",
                    null, () -> system.stack().stopKafka(), ACCEPTED, NOTHING_MORE, () -> system.stack().startKafka(), 0));
        }
        scenario(new Fault("kill -9 broker", "kill -9 of the broker, restarted once " + QUARTER
                + " referrals were accepted without it", (offsets, clients) -> unreadEvents(offsets),
                () -> system.stack().killKafka(), ACCEPTED, NOTHING_MORE, () -> system.stack().startKafka(), 0));
    }

    @Test
    @Order(3)
    void withTheRegistryDownRunningServicesGoOnWithTheSchemasTheyKnow() {
        scenario(new Fault("schema registry down", "registry down until " + QUARTER
                + " referrals accepted without it were SCHEDULED", null, () -> system.stack().stopRegistry(), ACCEPTED,
                duringTheOutage -> {
                    await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                            ledger.booked(duringTheOutage)).as("referrals submitted while the registry is down, booked "
                                    + "before it is back").containsExactlyInAnyOrderElementsOf(duringTheOutage));
                    assertThat(system.stack().registry().process().isAlive()).as("registry still down").isFalse();
                    assertThat(new Api(system.stack().registry().ccompatUrl()).get("/subjects").status())
                            .as("registry answers").isZero();
                }, () -> system.stack().startRegistry(), 0));
    }

    @Test
    @Order(4)
    void aServiceDatabaseThatGoesAwayIsWaitedForAndNothingIsDeadLettered() {
        scenario(new Fault("eligibility database down", "connections refused and cut until " + QUARTER
                + " referrals were accepted", null, () -> {
                    ledger.execute("postgres", "alter database eligibility allow_connections false");
                    ledger.execute("postgres", "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'eligibility'");
                }, ACCEPTED, NOTHING_MORE, () -> ledger.execute("postgres", "alter database eligibility allow_connections true"), 0));
    }

    @Test
    @Order(5)
    void mailThatCannotBeDeliveredIsRetriedAndSentOnceWhenTheServerIsBack() {
        scenario(new Fault("mail server down", "SMTP refused until " + QUARTER + " referrals were accepted", null,
                () -> system.stack().mail().pause(), ACCEPTED, NOTHING_MORE, () -> system.stack().mail().resume(), 0));
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
        scenario(new Fault("poison messages", injected + " records (random bytes, unknown schema, valid Avro with "
                + "nonsense values) on " + consumers.size() + " topics", null, () -> { }, ACCEPTED, NOTHING_MORE,
                () -> { }, 0));
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

    /**
     * Every record on every event topic, up to its end offset, sent again to its own partition, once the system
     * has settled (no lag on any partition, every outbox empty). Once settled again: each topic grew by exactly
     * the copies sent to it (nothing republished), and no table in any of the four databases has a row more or
     * less.
     */
    @Test
    @Order(7)
    void everyEventDeliveredAgainHasNoSecondEffect() throws Exception {
        List<String> topics = Arrays.stream(EventTopic.values()).map(EventTopic::topicName).toList();
        awaitSettled();
        Map<String, Long> rowsBefore = ledger.rowsInEveryTable();
        Map<TopicPartition, Long> ends;
        Map<String, Long> recordsBefore;
        try (KafkaOffsets offsets = offsets()) {
            ends = offsets.endOffsets(topics);
            recordsBefore = offsets.recordsByTopic(topics);
        }
        long started = System.nanoTime();
        Map<String, Long> copies = new TreeMap<>();
        topics.forEach(topic -> copies.put(topic, 0L));
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer(); KafkaProducer<String, byte[]> producer = rawProducer()) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            await().atMost(SETTLE).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        sent.add(producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                                record.value(), record.headers())));
                        copies.merge(record.topic(), 1L, Long::sum);
                    }
                }
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
            producer.flush();
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        }
        long copied = copies.values().stream().mapToLong(Long::longValue).sum();
        assertThat(copied).as("records copied").isEqualTo(recordsBefore.values().stream().mapToLong(Long::longValue).sum());
        awaitSettled();
        Map<String, Long> grown = new TreeMap<>();
        try (KafkaOffsets offsets = offsets()) {
            offsets.recordsByTopic(topics).forEach((topic, end) -> grown.put(topic, end - recordsBefore.get(topic)));
        }
        Ledger.Count count = settled(everyReferral, List.of());
        table.add(row("every event delivered twice", copied + " events on " + topics.size() + " topics",
                copied + " duplicates", count, started));
        assertThat(grown).as("records added per topic: exactly the copies").isEqualTo(copies);
        assertThat(ledger.rowsInEveryTable()).as("rows in every table of the four databases").isEqualTo(rowsBefore);
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

    /** When a fault has lasted long enough: a count of referrals sent while it lasts. */
    private interface Hold {
        boolean longEnough(Clients clients, long since);
    }

    /** Evidence that the victim has work in hand, described, or null while there is none. */
    private interface Evidence {
        String seen(KafkaOffsets offsets, Clients clients);
    }

    private static final Hold ACCEPTED = (clients, since) -> clients.acceptedSince(since) >= QUARTER;
    private static final Hold TRIED = (clients, since) -> clients.attemptsSince(since) >= QUARTER;
    private static final Consumer<List<Submitted>> NOTHING_MORE = duringTheFault -> { };

    /**
     * One fault: injected (a kill -9 only once {@code evidence} shows the victim has work in hand), held until
     * {@code hold} says enough referrals were sent during it, checked while it lasts, healed; at most
     * {@code mayLeaveInDoubt} referrals in doubt.
     */
    private record Fault(String name, String faults, Evidence evidence, Runnable inject, Hold hold,
            Consumer<List<Submitted>> whileItLasts, Runnable heal, int mayLeaveInDoubt) {
    }

    /**
     * A burst of referrals: a quarter before the fault, then several clients at once at a steady pace while it is
     * injected and lasts and until a quarter more were accepted after it was healed. Then the books: every
     * accepted referral booked once and confirmed once; every refused one stored nowhere, unless its answer was
     * lost in a kill (it is then in doubt, and must be booked like the others).
     */
    private static void scenario(Fault fault) {
        List<Submitted> burst = new ArrayList<>();
        for (int i = 0; i < QUARTER; i++) {
            burst.add(submitWithRetries(newReferral()));
        }
        String evidence = null;
        long healedAt;
        Clients clients = Clients.start(system.intake, PATIENCE);
        try (KafkaOffsets offsets = offsets()) {
            long injectedAt;
            try {
                if (fault.evidence() != null) {
                    evidence = await().atMost(SETTLE).pollInterval(Duration.ofMillis(50))
                            .until(() -> fault.evidence().seen(offsets, clients), Objects::nonNull);
                }
                fault.inject().run();
                injectedAt = System.nanoTime();
                await().atMost(SETTLE).pollInterval(Duration.ofMillis(100))
                        .until(() -> fault.hold().longEnough(clients, injectedAt));
                fault.whileItLasts().accept(clients.acceptedBetween(injectedAt, System.nanoTime()));
            } finally {
                fault.heal().run();
            }
            healedAt = System.nanoTime();
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(() -> clients.acceptedSince(healedAt) >= QUARTER);
        } finally {
            clients.close();
        }
        burst.addAll(clients.accepted());
        List<Clients.Refused> refused = clients.refused();
        assertThat(refused).as("clients that retried and never had a 201")
                .noneMatch(r -> r.status() == Clients.GAVE_UP);
        List<Submitted> answerLost = refusedButStored(refused);
        everyReferral.addAll(burst);
        everyReferral.addAll(answerLost);
        Ledger.Count count = settled(burst, answerLost);
        String faults = fault.faults() + (evidence == null ? "" : "; at the kill: " + evidence);
        table.add(row(fault.name(), burst.size() + " referrals accepted, " + refused.size() + " refused",
                faults, count, healedAt));
        assertNothingLostOrDoubled(count);
        assertThat(count.inDoubt()).as("in doubt: %s", count.doubts()).isLessThanOrEqualTo(fault.mayLeaveInDoubt());
    }

    /**
     * The refused referrals intake stored anyway: none may be, but for one whose answer was lost in a kill (no
     * status, the connection cut after the request was sent), which is returned to be counted in doubt.
     */
    private static List<Submitted> refusedButStored(List<Clients.Refused> refused) {
        Map<String, Clients.Refused> byEmail = new TreeMap<>();
        refused.forEach(r -> byEmail.put(r.email(), r));
        List<Submitted> answerLost = new ArrayList<>();
        List<String> wronglyStored = new ArrayList<>();
        for (Submitted stored : ledger.storedFor(List.copyOf(byEmail.keySet()))) {
            Clients.Refused refusal = byEmail.get(stored.email());
            if (refusal.answerLost()) {
                answerLost.add(stored);
            } else {
                wronglyStored.add(stored.id() + " stored though answered " + refusal.status() + " " + refusal.answer());
            }
        }
        List<String> keys = refused.stream().filter(r -> !r.answerLost()).map(Clients.Refused::key).toList();
        ledger.keysStored(keys).forEach(key -> wronglyStored.add("Idempotency-Key " + key + " stored though refused"));
        assertThat(wronglyStored).as("refused referrals that were stored").isEmpty();
        return answerLost;
    }

    /** What the service has in hand right now: unread events, unpublished outbox rows, messages being sent. */
    private static String workInHand(String service, KafkaOffsets offsets, Clients clients) {
        List<String> work = new ArrayList<>();
        long unread = offsets.lagByPartition(service).values().stream().mapToLong(Long::longValue).sum();
        if (unread > 0) {
            work.add(unread + " events unread by its group");
        }
        long outbox = ledger.unpublished(service.replace("-service", ""));
        if (outbox > 0) {
            work.add(outbox + " outbox rows unpublished");
        }
        if (service.equals("followup-service")) {
            long sending = ledger.sending();
            if (sending > 0) {
                work.add(sending + " in SENDING");
            }
        }
        if (service.equals("intake-service")) {
            int requests = clients.inFlight();
            if (requests == 0 || work.isEmpty()) {
                return null;
            }
            work.add(0, requests + " HTTP submissions in flight");
        }
        return work.isEmpty() ? null : String.join(", ", work);
    }

    /** Events written and not yet read by some service's group. */
    private static String unreadEvents(KafkaOffsets offsets) {
        long lag = offsets.lag();
        return lag > 0 ? lag + " events written and not yet read" : null;
    }

    private static Ledger.Count settled(List<Submitted> referrals, List<Submitted> answerLost) {
        try (KafkaOffsets offsets = offsets()) {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> {
                Ledger.Count count = ledger.count(referrals, answerLost);
                return count.reached() + count.inDoubt() >= count.expected() && ledger.unpublished() == 0
                        && offsets.lag() == 0;
            });
        }
        // whatever could still arrive twice has had time to: the books are read once more after a pause
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        return ledger.count(referrals, answerLost);
    }

    /** Until no group lags on any partition of any topic it reads and every outbox is empty. */
    private static void awaitSettled() {
        try (KafkaOffsets offsets = offsets()) {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                    .until(() -> offsets.lag() == 0 && ledger.unpublished() == 0);
        }
    }

    private static void assertNothingLostOrDoubled(Ledger.Count count) {
        assertThat(count.problems()).as("lost or doubled").isEmpty();
        assertThat(count.lost()).isZero();
        assertThat(count.duplicates()).isZero();
        assertThat(ledger.unpublished()).isZero();
    }

    private static String row(String scenario, String load, String faults, Ledger.Count count, long healedAt) {
        double seconds = (System.nanoTime() - healedAt) / 1e9;
        String inDoubt = count.inDoubt() + (count.doubts().isEmpty() ? "" : " (" + String.join("; ", count.doubts()) + ")");
        return "| %s | %s | %s | %d | %d | %s | %.1f s |".formatted(scenario, load, faults, count.lost(),
                count.duplicates(), inDoubt, seconds);
    }

    private static Submitted newReferral() {
        return new Submitted(null, "fault-" + UUID.randomUUID() + "@example.org");
    }

    private static Submitted submitWithRetries(Submitted referral) {
        return Clients.submitWithRetries(system.intake, referral, SETTLE);
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
