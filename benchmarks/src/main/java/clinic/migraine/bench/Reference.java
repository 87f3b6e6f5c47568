package clinic.migraine.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
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

/**
 * The physical reference on the same broker: a raw producer with the outbox relay's settings (acks=all,
 * idempotent, linger 5 ms) and a consumer, records the size of our event. First as many records as fast as the
 * producer can send them (the produce rate); then a fixed arrival rate, open loop, for end-to-end latency from
 * each record's planned send instant to its arrival at the consumer.
 */
final class Reference {

    record Result(int recordBytes, int records, double producedPerSecond, double consumedPerSecond,
            Percentiles endToEndAtFullSpeed, int fixedRate, int fixedRateRecords, Percentiles endToEndAtFixedRate) {
    }

    private static final String PLANNED = "planned-nanos";

    static Result run(String bootstrapServers, int records, int recordBytes, int fixedRate, int fixedRateSeconds) {
        byte[] payload = new byte[recordBytes];
        new Random(1).nextBytes(payload);
        String run = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            Phase fullSpeed = phase(bootstrapServers, producer, "bench-reference-" + run, records, 0, payload);
            int fixedRecords = Math.max(1, fixedRate * fixedRateSeconds);
            Phase atRate = phase(bootstrapServers, producer, "bench-reference-rate-" + run, fixedRecords, fixedRate,
                    payload);
            return new Result(recordBytes, records, round(records / fullSpeed.produceSeconds),
                    round(records / fullSpeed.consumeSeconds), Percentiles.ofMicros(fullSpeed.latency), fixedRate,
                    fixedRecords, Percentiles.ofMicros(atRate.latency));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reference run interrupted", e);
        }
    }

    private record Phase(double produceSeconds, double consumeSeconds, Histogram latency) {
    }

    /** Sends the records (as fast as possible when rate is 0) and waits until the consumer has them all. */
    private static Phase phase(String bootstrapServers, KafkaProducer<String, byte[]> producer, String topic,
            int records, int rate, byte[] payload) throws InterruptedException {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            // the topic exists and the consumer owns its partition before the clock starts
            producer.send(new ProducerRecord<>(topic, "warm-up", payload)).get();
            consumer.subscribe(List.of(topic));
            int[] warm = {0};
            long assigned = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (warm[0] == 0 && System.nanoTime() < assigned) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> warm[0]++);
            }
            CountDownLatch received = new CountDownLatch(records);
            AtomicLong lastReceived = new AtomicLong();
            Thread reader = new Thread(() -> {
                while (received.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        Header planned = record.headers().lastHeader(PLANNED);
                        if (planned != null) {
                            latency.recordValue(Math.max(0, now - ByteBuffer.wrap(planned.value()).getLong()) / 1000);
                            lastReceived.set(now);
                            received.countDown();
                        }
                    }
                }
            }, "reference-reader");
            reader.setDaemon(true);
            long started = System.nanoTime();
            reader.start();
            long period = rate == 0 ? 0 : 1_000_000_000L / rate;
            for (int i = 0; i < records; i++) {
                long planned = rate == 0 ? System.nanoTime() : started + i * period;
                long wait = planned - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "key-" + (i % 1024), payload);
                record.headers().add(PLANNED, ByteBuffer.allocate(8).putLong(planned).array());
                producer.send(record);
            }
            producer.flush();
            double produceSeconds = (System.nanoTime() - started) / 1e9;
            boolean all = received.await(120, TimeUnit.SECONDS);
            reader.interrupt();
            reader.join(5_000);
            if (!all) {
                throw new IllegalStateException("the reference consumer received " + (records - received.getCount())
                        + " of " + records + " records within 120 s");
            }
            return new Phase(produceSeconds, (lastReceived.get() - started) / 1e9, latency);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("reference run failed", e);
        }
    }

    private static double round(double value) {
        return Math.round(value);
    }

    private Reference() {
    }
}
