package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import clinic.migraine.stack.KafkaTopics;
import clinic.migraine.stack.StackConfig;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.RunningSystem;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of every service on one broker and their databases: a burst of referrals, and in the middle of it
 * one instance of each service killed with kill -9. Every referral is booked once, no slot is used twice, no
 * patient gets a message twice, an Idempotency-Key holds across the intake instances (a submission the kill cut off
 * is sent again to the survivor with the same key, as a client behind a load balancer would), and each killed instance's
 * partitions are taken over by its survivor within 15 s. The quick form runs in verify; {@code -Dclinic.faults=full}
 * (./run-fault-tests) sends a bigger burst.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final boolean FULL = "full".equals(System.getProperty("clinic.faults"));
    private static final int REFERRALS = FULL ? 120 : 24;
    private static final Duration TAKEOVER = Duration.ofSeconds(15);
    private static final List<String> SERVICES = List.copyOf(StackConfig.SERVICE_PORTS.keySet());
    private static final String BOOKED = "Your migraine treatment visit is booked";

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        long started = System.nanoTime();
        system = RunningSystem.start(Path.of("target/two-instances-logs").toAbsolutePath(), Map.of(),
                List.of("-Xmx200m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), 2);
        System.out.printf("two instances of each service ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void everyTopicHasTheConfiguredPartitionsAndNoneWasMadeWithFewer() {
        List<String> topics = KafkaTopics.names(KafkaTopics.file(RunningSystem.projectRoot()));
        String brokers = system.stack().kafka().bootstrapServers();
        assertThat(KafkaTopics.partitions(brokers, topics)).hasSize(topics.size())
                .allSatisfy((topic, partitions) -> assertThat(partitions).as(topic).isEqualTo(6));
        try (Admin admin = admin()) {
            List<String> others = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> !name.startsWith("_")).toList();
            assertThat(KafkaTopics.partitions(brokers, others))
                    .allSatisfy((topic, partitions) -> assertThat(partitions).as(topic).isGreaterThanOrEqualTo(6));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(2)
    void theSameIdempotencyKeySentToBothIntakeInstancesAtOnceMakesOneReferral() {
        String email = "twice-" + UUID.randomUUID() + "@example.org";
        String body = RunningSystem.eligibleReferral(email);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        List<CompletableFuture<Api.Answer>> answers = List.of("intake-service", "intake-service-2").stream()
                .map(instance -> CompletableFuture.supplyAsync(() -> system.instance(instance).as("intake")
                        .post("/api/referrals", body, key)))
                .toList();
        List<Api.Answer> both = answers.stream().map(CompletableFuture::join).toList();
        assertThat(both).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isBetween(200, 201));
        assertThat(both.get(0).<String>read("$.id")).isEqualTo(both.get(1).<String>read("$.id"));
    }

    /** Last: it leaves one instance of each service dead. */
    @Test
    @Order(3)
    void aBurstSurvivesOneInstanceOfEachServiceKilledAndEveryReferralIsBookedOnce() throws Exception {
        long burstStarted = System.nanoTime();
        Map<String, String> referrals = new ConcurrentHashMap<>();
        AtomicInteger sentAgain = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> submitted = new ArrayList<>();
        Api survivor = system.instance("intake-service").as("intake");
        for (int i = 0; i < REFERRALS; i++) {
            String email = "burst-" + i + "-" + UUID.randomUUID() + "@example.org";
            Api intake = system.instance(i % 2 == 0 ? "intake-service" : "intake-service-2").as("intake");
            Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            submitted.add(CompletableFuture.runAsync(() -> {
                String body = RunningSystem.eligibleReferral(email);
                Api.Answer created = intake.post("/api/referrals", body, key);
                if (created.status() == 0) {
                    // the instance died under the request (stored or not): a client tries the other one, same key
                    sentAgain.incrementAndGet();
                    created = survivor.post("/api/referrals", body, key);
                    assertThat(created.status()).as(created.body()).isBetween(200, 201);
                } else {
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                }
                referrals.put(created.read("$.id"), email);
            }, clients));
        }
        // in the middle of the burst: some referrals accepted, not all of them booked
        await().atMost(RunningSystem.WAIT).until(() -> referrals.size() >= REFERRALS / 2);
        Map<String, Integer> membersBefore = new LinkedHashMap<>();
        try (Admin admin = admin()) {
            for (String service : SERVICES) {
                // both instances' consumers in the group, settled: as many of one instance as of the other
                await().atMost(RunningSystem.WAIT).until(() -> {
                    ConsumerGroupDescription group = group(admin, service);
                    return group.groupState() == GroupState.STABLE && !group.members().isEmpty()
                            && group.members().size() % 2 == 0;
                });
                membersBefore.put(service, group(admin, service).members().size());
            }
            long killedAt = System.nanoTime();
            for (String service : SERVICES) {
                system.stack().services().get(service + "-2").process().kill();
            }
            Map<String, Duration> takeover = new LinkedHashMap<>();
            for (String service : SERVICES) {
                // the survivor's consumers own every partition once the group is stable with only them as members
                await().atMost(TAKEOVER.multipliedBy(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    ConsumerGroupDescription group = group(admin, service);
                    return group.groupState() == GroupState.STABLE
                            && group.members().size() == membersBefore.get(service) / 2;
                });
                takeover.put(service, Duration.ofNanos(System.nanoTime() - killedAt));
            }
            System.out.println("two instances: from kill -9 to the survivor owning every partition " + takeover);
            assertThat(takeover).allSatisfy((service, took) -> assertThat(took).as(service).isLessThan(TAKEOVER));
        }
        CompletableFuture.allOf(submitted.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        clients.shutdown();
        assertThat(referrals).hasSize(REFERRALS);
        for (String id : referrals.keySet()) {
            system.awaitStatus(id, "SCHEDULED");
        }
        for (String email : referrals.values()) {
            system.awaitMail(email, BOOKED, 1);
        }
        System.out.printf("two instances: %d referrals (%d cut off by the kill and sent again), all booked %.1f s after"
                + " the burst began%n", REFERRALS, sentAgain.get(), (System.nanoTime() - burstStarted) / 1e9);

        try (Connection scheduling = database("scheduling")) {
            assertThat(rows(scheduling, """
                    select referral_id::text, count(*) from appointment where cycle = 1 and status <> 'cancelled'
                    group by referral_id having count(*) > 1""")).as("referrals booked twice").isEmpty();
            assertThat(rows(scheduling, """
                    select provider_id || ' ' || start_at, count(*) from appointment
                    where status in ('booked', 'arrived', 'fulfilled')
                    group by provider_id, start_at having count(*) > 1""")).as("slots used twice").isEmpty();
            assertThat(rows(scheduling, "select referral_id::text, 1 from appointment where cycle = 1")
                    .keySet()).containsAll(referrals.keySet());
        }
        // every message a patient of the burst got, by subject: each once (the booking notice, any reminder)
        for (String email : referrals.values()) {
            Map<String, Long> bySubject = system.mailTo(email).stream().map(RunningSystem::subject)
                    .collect(Collectors.groupingBy(subject -> subject, Collectors.counting()));
            assertThat(bySubject).as(email).containsEntry(BOOKED, 1L);
            assertThat(bySubject.values()).as(email).containsOnly(1L);
        }
    }

    private static ConsumerGroupDescription group(Admin admin, String service) throws Exception {
        return admin.describeConsumerGroups(List.of(service)).all().get(30, TimeUnit.SECONDS).get(service);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafka().bootstrapServers()));
    }

    private static Connection database(String name) throws SQLException {
        return DriverManager.getConnection(system.stack().postgres().jdbcUrl(name), "postgres", "postgres");
    }

    /** The first column → the second, for each row. */
    private static Map<String, Long> rows(Connection connection, String sql) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (var statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2));
            }
        }
        return rows;
    }
}
