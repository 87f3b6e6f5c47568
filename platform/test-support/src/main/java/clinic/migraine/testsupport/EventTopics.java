package clinic.migraine.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes events the way another service would: plain Kafka clients with the registry serde, so a
 * test sees exactly what is on the topic.
 */
public final class EventTopics {

    private static final String SERIALIZER = "clinic.migraine.serde.ConfluentAvroSerializer";
    private static final String DESERIALIZER = "clinic.migraine.serde.ConfluentAvroDeserializer";

    private final String brokers;
    private final String registryUrl;

    public EventTopics(String brokers, String registryUrl) {
        this.brokers = brokers;
        this.registryUrl = registryUrl;
    }

    /** Sends each event to the topic keyed by the given key, waiting for the broker's acknowledgement. */
    public void send(String topic, String key, Object... events) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, SERIALIZER,
                "schema.registry.url", registryUrl))) {
            for (Object event : events) {
                producer.send(new ProducerRecord<>(topic, key, event));
            }
            producer.flush();
        }
    }

    /** Reads the topic from the start until the events matching the filter number at least {@code atLeast}. */
    @SuppressWarnings("unchecked")
    public <T> List<T> await(String topic, Class<T> type, Predicate<T> filter, int atLeast, Duration timeout) {
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, DESERIALIZER,
                "schema.registry.url", registryUrl))) {
            consumer.subscribe(List.of(topic));
            List<T> matching = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matching.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (type.isInstance(record.value()) && filter.test((T) record.value())) {
                        matching.add((T) record.value());
                    }
                });
            }
            return matching;
        }
    }
}
