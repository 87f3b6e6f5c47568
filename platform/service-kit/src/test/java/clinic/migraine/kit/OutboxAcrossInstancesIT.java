package clinic.migraine.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.migraine.events.EventTopic;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.kit.outbox.OutboxProperties;
import clinic.migraine.kit.outbox.OutboxRelay;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What several instances of a service share on one database and one broker: the outbox (each row published once
 * however many relays run) and the topics (each with the configured partition count, dead letters too).
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "clinic.kafka.partitions=3")
class OutboxAcrossInstancesIT {

    private static final int EVENTS = 300;

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    KafkaTemplate<String, SpecificRecord> outboxKafkaTemplate;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void threeRelaysOnOneOutboxPublishEachRowOnce() {
        OutboxProperties busy = new OutboxProperties(Duration.ofMillis(5), 10, Duration.ofSeconds(10),
                Duration.ofDays(7), Duration.ofHours(1), 1000);
        List<OutboxRelay> others = List.of(relay(busy), relay(busy));
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        Set<String> keys = new java.util.HashSet<>();
        try {
            others.forEach(OutboxRelay::start);
            for (int batch = 0; batch < EVENTS / 50; batch++) {
                transactions.executeWithoutResult(tx -> {
                    for (int i = 0; i < 50; i++) {
                        ReferralWithdrawn event = withdrawn();
                        keys.add(event.getReferralId().toString());
                        outbox.publish(event);
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "select count(*) from outbox where published_at is null").query(Long.class).single() == 0);
        } finally {
            others.forEach(OutboxRelay::stop);
        }

        Map<String, Long> published = readToTheEnd(EventTopic.REFERRAL_WITHDRAWN.topicName()).stream()
                .map(ConsumerRecord::key).filter(keys::contains)
                .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
        assertThat(published).hasSize(EVENTS);
        assertThat(published.values()).containsOnly(1L);
    }

    @Test
    void theTopicsAServiceReadsAndTheirDeadLettersHaveTheConfiguredPartitions() throws Exception {
        String topic = EventTopic.REFERRAL_WITHDRAWN.topicName();
        String deadLetters = "error." + topic + ".kit-test";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Map<String, Integer> partitions = new HashMap<>();
            admin.describeTopics(List.of(topic, deadLetters)).allTopicNames().get()
                    .forEach((name, description) -> partitions.put(name, description.partitions().size()));
            assertThat(partitions).containsEntry(topic, 3).containsEntry(deadLetters, 3);
        }
    }

    private OutboxRelay relay(OutboxProperties properties) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), outboxKafkaTemplate, properties);
    }

    private List<ConsumerRecord<String, byte[]>> readToTheEnd(String topic) {
        return TopicReader.readToTheEnd(brokers, topic);
    }

    private static ReferralWithdrawn withdrawn() {
        return ReferralWithdrawn.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setReferralId(UUID.randomUUID())
                .setReason("moved away")
                .build();
    }
}
