package clinic.migraine.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.events.EventTopic;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.kit.messaging.DeadLetterInbox;
import clinic.migraine.kit.messaging.DeadLetters;
import clinic.migraine.kit.outbox.Outbox;
import clinic.migraine.serde.ConfluentAvroDeserializer;
import clinic.migraine.serde.ConfluentAvroSerializer;
import clinic.migraine.serde.SerdeConfig;
import clinic.migraine.testsupport.ServiceIntegrationTest;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The kit on the real broker, registry and Postgres: outbox, idempotent consumer, dead letters, problem details. */
@ServiceIntegrationTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ServiceKitIT {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    DeadLetterInbox deadLetters;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Value("${clinic.schema-registry.url}")
    String registryUrl;

    @Test
    void publishesAnOutboxEventOnlyWhenItsTransactionCommits() {
        ReferralWithdrawn committed = withdrawn("committed");
        ReferralWithdrawn rolledBack = withdrawn("rolled back");

        transactions.executeWithoutResult(tx -> outbox.publish(committed));
        transactions.executeWithoutResult(tx -> {
            outbox.publish(rolledBack);
            tx.setRollbackOnly();
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handledReasons(committed)).hasSize(1));
        assertThat(jdbc.sql("select count(*) from outbox where event_id = :id and published_at is not null")
                .param("id", committed.getEventId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox where event_id = :id")
                .param("id", rolledBack.getEventId()).query(Long.class).single()).isZero();
    }

    @Test
    void appliesARedeliveredEventOnce() {
        ReferralWithdrawn event = withdrawn("sent twice");
        ReferralWithdrawn marker = withdrawn("after the duplicate");

        try (KafkaProducer<String, SpecificRecord> producer = avroProducer()) {
            producer.send(record(event));
            producer.send(record(event));
            producer.send(record(marker));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handledReasons(marker)).hasSize(1));
        assertThat(handledReasons(event)).containsExactly("sent twice");
    }

    @Test
    void aBatchWithAPoisonRecordInTheMiddleDeliversTheOthersAndDeadLettersExactlyThePoisonOne() {
        String deadLetters = "error." + EventTopic.REFERRAL_WITHDRAWN.topicName() + ".kit-test";
        String key = "batch-" + UUID.randomUUID();
        List<ReferralWithdrawn> good = List.of(withdrawn("before 1"), withdrawn("before 2"), withdrawn("after 1"),
                withdrawn("after 2"));
        ReferralWithdrawn poison = withdrawn("fail");

        // one key, one partition, one produce request: the consumer polls them as one batch
        try (KafkaProducer<String, SpecificRecord> producer = avroProducer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 500))) {
            for (ReferralWithdrawn event : List.of(good.get(0), good.get(1), poison, good.get(2), good.get(3))) {
                producer.send(new ProducerRecord<>(EventTopic.REFERRAL_WITHDRAWN.topicName(), key, event));
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(good)
                .allSatisfy(event -> assertThat(handledReasons(event)).hasSize(1)));
        assertThat(handledReasons(poison)).isEmpty();
        assertThat(claims(List.of(poison))).as("the poison's claim rolled back with it").isZero();
        assertThat(readToEnd(deadLetters)).filteredOn(record -> key.equals(record.key())).singleElement()
                .satisfies(record -> assertThat(new String(record.headers().lastHeader(DeadLetters.ROOT_CAUSE).value(),
                        StandardCharsets.UTF_8)).isEqualTo("IllegalStateException: handler refuses this event"));
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        String key = "again-" + UUID.randomUUID();
        List<ReferralWithdrawn> batch = List.of(withdrawn("first"), withdrawn("second"), withdrawn("third"));
        ReferralWithdrawn marker = withdrawn("after the redelivery");
        try (KafkaProducer<String, SpecificRecord> producer = avroProducer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 500))) {
            batch.forEach(event -> producer.send(new ProducerRecord<>(EventTopic.REFERRAL_WITHDRAWN.topicName(), key, event)));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(claims(batch)).isEqualTo(3));
        List<Object> claimedAt = jdbc.sql("select processed_at from processed_event where consumer = 'withdrawals'"
                + " and event_id in (:ids) order by event_id").param("ids", batch.stream().map(ReferralWithdrawn::getEventId)
                .toList()).query((rs, n) -> rs.getObject(1)).list();

        try (KafkaProducer<String, SpecificRecord> producer = avroProducer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 500))) {
            batch.forEach(event -> producer.send(new ProducerRecord<>(EventTopic.REFERRAL_WITHDRAWN.topicName(), key, event)));
            producer.send(new ProducerRecord<>(EventTopic.REFERRAL_WITHDRAWN.topicName(), key, marker));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handledReasons(marker)).hasSize(1));
        assertThat(batch).allSatisfy(event -> assertThat(handledReasons(event)).hasSize(1));
        assertThat(jdbc.sql("select processed_at from processed_event where consumer = 'withdrawals'"
                + " and event_id in (:ids) order by event_id").param("ids", batch.stream().map(ReferralWithdrawn::getEventId)
                .toList()).query((rs, n) -> rs.getObject(1)).list()).isEqualTo(claimedAt);
    }

    @Test
    void whatAHandlerPublishesCarriesTheTraceOfTheRecordItHandled() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ReferralWithdrawn event = withdrawn("forward");
        ProducerRecord<String, SpecificRecord> traced = record(event);
        traced.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

        try (KafkaProducer<String, SpecificRecord> producer = avroProducer()) {
            producer.send(traced);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from handled where reason = 'forwarded' and event_id = :id")
                .param("id", UUID.nameUUIDFromBytes(event.getEventId().toString().getBytes(StandardCharsets.UTF_8)))
                .query(Long.class).single()).isEqualTo(1));
        String sent = "00-" + traceId + "-00f067aa0ba902b7-01";
        List<String> parents = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer()) {
            consumer.subscribe(List.of(EventTopic.REFERRAL_WITHDRAWN.topicName()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(event.getReferralId().toString())) {
                        parents.add(header(record, "traceparent"));
                    }
                }
                return parents.size() >= 2;
            });
        }
        assertThat(parents).hasSize(2).contains(sent);
        assertThat(parents).filteredOn(parent -> !sent.equals(parent)).singleElement()
                .asString().startsWith("00-" + traceId + "-");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void sendsUndecodableBytesToTheDeadLetterTopicAndGoesOn() {
        String deadLetters = EventTopic.REFERRAL_WITHDRAWN.deadLetterTopic(EventTopic.Service.INTAKE)
                .replace(EventTopic.Service.INTAKE.groupName(), "kit-test");
        byte[] garbage = {42, 1, 2, 3, 4, 5, 6, 7};
        ReferralWithdrawn after = withdrawn("after the garbage");

        try (KafkaProducer<String, byte[]> raw = rawProducer(); KafkaProducer<String, SpecificRecord> producer = avroProducer()) {
            raw.send(new ProducerRecord<>(EventTopic.REFERRAL_WITHDRAWN.topicName(), "garbage", garbage));
            raw.flush();
            producer.send(record(after));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handledReasons(after)).hasSize(1));
        List<ConsumerRecord<String, byte[]>> dead = readToEnd(deadLetters);
        assertThat(dead).filteredOn(record -> "garbage".equals(record.key())).anySatisfy(record -> {
            assertThat(record.value()).isEqualTo(garbage);
            assertThat(new String(record.headers().lastHeader(DeadLetters.ROOT_CAUSE).value(), StandardCharsets.UTF_8))
                    .startsWith("SerializationException: not in the registry wire format");
            assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        });
    }

    @Test
    void aDeadLetterCarriesTheCauseButNeverTheEventTheExceptionQuoted(CapturedOutput output) {
        String deadLetters = EventTopic.REFERRAL_WITHDRAWN.deadLetterTopic(EventTopic.Service.INTAKE)
                .replace(EventTopic.Service.INTAKE.groupName(), "kit-test");
        ReferralWithdrawn quoted = withdrawn("fail-quoting-the-event ana.lopez@example.org +13105550142 1984-03-09");
        try (KafkaProducer<String, SpecificRecord> producer = avroProducer()) {
            producer.send(record(quoted));
        }

        ConsumerRecord<String, byte[]> dead;
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer()) {
            consumer.subscribe(List.of(deadLetters));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            dead = await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.stream().filter(r -> quoted.getReferralId().toString().equals(r.key())).findFirst()
                        .orElse(null);
            }, found -> found != null);
        }
        assertThat(new String(dead.headers().lastHeader(DeadLetters.ROOT_CAUSE).value(), StandardCharsets.UTF_8))
                .startsWith("IllegalStateException: cannot handle");
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
        for (Header header : dead.headers()) {
            String text = new String(header.value(), StandardCharsets.UTF_8);
            assertThat(text).as(header.key()).doesNotContain("ana.lopez@example.org", "3105550142", "1984-03-09");
        }
        assertThat(output.getAll()).contains("Dead-lettering")
                .doesNotContain("ana.lopez@example.org", "3105550142", "1984-03-09");
    }

    @Test
    void staffSeeADeadLetterWithItsErrorAndSendItBackOnceItsCauseIsFixed() throws Exception {
        KitTestApplication.WithdrawalHandler.fixed = false;
        ReferralWithdrawn broken = withdrawn("fail-until-fixed");
        String key = broken.getReferralId().toString();
        try (KafkaProducer<String, SpecificRecord> producer = avroProducer()) {
            producer.send(record(broken));
        }

        DeadLetterInbox.Letter letter = await().atMost(Duration.ofSeconds(60)).until(
                () -> deadLetters.list(100).stream().filter(l -> key.equals(l.key())).findFirst().orElse(null),
                found -> found != null);
        assertThat(letter.topic()).isEqualTo("error." + EventTopic.REFERRAL_WITHDRAWN.topicName() + ".kit-test");
        assertThat(letter.originalTopic()).isEqualTo(EventTopic.REFERRAL_WITHDRAWN.topicName());
        assertThat(letter.reason()).contains("cannot take this event until it is fixed");
        assertThat(letter.replayedAt()).isNull();
        assertThat(handledReasons(broken)).isEmpty();
        mvc.perform(get("/api/dead-letters"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == '" + key + "')].exception")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Exception"))));

        KitTestApplication.WithdrawalHandler.fixed = true;
        String replay = "/api/dead-letters/" + letter.topic() + "/" + letter.partition() + "/" + letter.offset() + "/replay";
        mvc.perform(post(replay))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.replayedTo").value(EventTopic.REFERRAL_WITHDRAWN.topicName()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handledReasons(broken)).hasSize(1));
        mvc.perform(post(replay))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/dead-letters/" + EventTopic.REFERRAL_WITHDRAWN.topicName() + "/0/0/replay"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/dead-letters/" + letter.topic() + "/0/999999/replay"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/dead-letters").param("limit", "0"))
                .andExpect(status().isBadRequest());
        assertThat(deadLetters.list(100)).filteredOn(l -> key.equals(l.key()))
                .singleElement().satisfies(l -> assertThat(l.replayedAt()).isNotNull());
        assertThat(handledReasons(broken)).as("sent back once, applied once").hasSize(1);
    }

    @Test
    void answersInvalidInputWithProblemDetailsAndFieldErrors() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"days\":40}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("days", "name")));
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"days\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"));
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"days\":1,\"extra\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("extra"));
        mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "x".repeat(70_000) + "\",\"days\":1}"))
                .andExpect(status().isPayloadTooLarge());
    }

    private List<String> handledReasons(ReferralWithdrawn event) {
        return jdbc.sql("select reason from handled where event_id = :id").param("id", event.getEventId())
                .query(String.class).list();
    }

    private static ReferralWithdrawn withdrawn(String reason) {
        return ReferralWithdrawn.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setReferralId(UUID.randomUUID())
                .setReason(reason)
                .build();
    }

    private static ProducerRecord<String, SpecificRecord> record(ReferralWithdrawn event) {
        return new ProducerRecord<>(EventTopic.REFERRAL_WITHDRAWN.topicName(), event.getReferralId().toString(), event);
    }

    private KafkaProducer<String, SpecificRecord> avroProducer() {
        return avroProducer(Map.of());
    }

    private KafkaProducer<String, SpecificRecord> avroProducer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        config.putAll(extra);
        return new KafkaProducer<>(config);
    }

    private long claims(List<ReferralWithdrawn> events) {
        return jdbc.sql("select count(*) from processed_event where consumer = 'withdrawals' and event_id in (:ids)")
                .param("ids", events.stream().map(ReferralWithdrawn::getEventId).toList()).query(Long.class).single();
    }

    private List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        return TopicReader.readToTheEnd(brokers, topic);
    }

    private KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private KafkaConsumer<String, byte[]> rawConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

}
