package clinic.migraine.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The physical reference: a raw producer (acks=all, idempotent, the same settings the services' outbox relay
 * uses) and a consumer on the same broker, with records the size of our average event.
 */
final class Reference {

    record Result(int records, int recordBytes, double producedPerSecond, double consumedPerSecond,
            Percentiles endToEndMillis) {
    }

    static Result run(String bootstrapServers, int records, int recordBytes) {
        String topic = "bench-reference-" + UUID.randomUUID();
        byte[] payload = new byte[recordBytes];
        new Random(1).nextBytes(payload);
        Histogram latency = new Histogram(3_600_000_000L, 3);
        AtomicLong lastReceived = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "bench-reference",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            producer.send(new ProducerRecord<>(topic, "warm-up", payload)).get();
            consumer.subscribe(List.of(topic));
            int[] received = {0};
            Thread reader = new Thread(() -> {
                while (received[0] < records + 1 && !Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        latency.recordValue(Math.max(0, System.currentTimeMillis() - record.timestamp()) * 1000);
                        received[0]++;
                        lastReceived.set(System.nanoTime());
                    }
                }
            }, "reference-reader");
            reader.setDaemon(true);
            reader.start();
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + (i % 1024), payload));
            }
            producer.flush();
            double produceSeconds = (System.nanoTime() - started) / 1e9;
            reader.join(120_000);
            double consumeSeconds = (lastReceived.get() - started) / 1e9;
            return new Result(records, recordBytes, records / produceSeconds, records / consumeSeconds,
                    Percentiles.ofMicros(latency));
        } catch (Exception e) {
            throw new IllegalStateException("reference run failed", e);
        }
    }

    private Reference() {
    }
}
