package clinic.migraine.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.events.EventTopic;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.serde.ConfluentAvroDeserializer;
import clinic.migraine.serde.ConfluentAvroSerializer;
import clinic.migraine.serde.SerdeConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The size of our typical event: a ReferralSubmitted that intake wrote during the warm-up, read back with the
 * project's deserializer and written again with the project's serializer (Confluent framing plus Avro binary).
 */
final class EventSize {

    /**
     * @param serializedBytes the value as the project's serializer writes it
     * @param onTopicBytes the same record's value as stored on the topic (a cross-check)
     */
    record Measured(String event, int serializedBytes, int onTopicBytes) {
    }

    static Measured referralSubmitted(String bootstrapServers, String registryUrl) {
        String topic = EventTopic.REFERRAL_SUBMITTED.topicName();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-size-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
                ConfluentAvroSerializer serializer = new ConfluentAvroSerializer()) {
            serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                    SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof ReferralSubmitted submitted) {
                        return new Measured("ReferralSubmitted", serializer.serialize(topic, submitted).length,
                                record.serializedValueSize());
                    }
                }
            }
        }
        throw new IllegalStateException("no ReferralSubmitted on " + topic + " within 30 s to measure");
    }

    private EventSize() {
    }
}
