package clinic.migraine.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import clinic.migraine.kit.web.DomainProblem;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What staff see of this service's dead letters ({@code error.<topic>.<group>}) and how they send one back: the
 * original bytes, key and headers go to the original topic once the cause is fixed (a replay is recorded, so a
 * dead letter goes back at most once; consumers deduplicate by event id anyway). A record that is still bad
 * simply lands in the dead-letter topic again. Values are never shown: they may hold patient data.
 */
public class DeadLetterInbox {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterInbox.class);

    /** Marks a record that was sent back from a dead-letter topic: {@code topic/partition/offset}. */
    public static final String REPLAYED_FROM = "clinic-replayed-from";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_REASON = 300;

    /**
     * One dead letter.
     *
     * @param reason the innermost exception and its message, shortened; messages never carry patient data
     * @param replayedAt when staff sent it back, or null
     */
    public record Letter(String topic, int partition, long offset, Instant deadAt, String key, String originalTopic,
            Integer originalPartition, Long originalOffset, String exception, String reason, int valueBytes,
            String replayedFrom, Instant replayedAt) {
    }

    public record Replay(String topic, int partition, long offset, String replayedTo, Instant replayedAt) {
    }

    private final Map<String, Object> consumerConfig;
    private final KafkaOperations<String, byte[]> raw;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String group;

    /**
     * @param consumerConfig where the broker is (deserializers and group are set here)
     * @param raw writes byte[] values as they are
     * @param group this service's consumer group: its dead-letter topics end with it
     */
    public DeadLetterInbox(Map<String, Object> consumerConfig, KafkaOperations<String, byte[]> raw, JdbcClient jdbc,
            TransactionTemplate transactions, String group) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig = Map.copyOf(config);
        this.raw = raw;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.group = group;
    }

    /** This service's dead-letter topics that exist on the broker. */
    public List<String> topics() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", consumerConfig.get("bootstrap.servers")))) {
            return admin.listTopics().names().get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .filter(this::isOurs).sorted().toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new DomainProblem(HttpStatus.SERVICE_UNAVAILABLE, "Broker unavailable",
                    "The dead-letter topics cannot be listed now; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest {@code limit} dead letters of each topic, newest first. */
    public List<Letter> list(int limit) {
        List<Letter> letters = new ArrayList<>();
        List<String> topics = topics();
        if (topics.isEmpty()) {
            return letters;
        }
        Map<String, Instant> replays = replays();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            for (String topic : topics) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (PartitionInfo info : consumer.partitionsFor(topic, READ_TIMEOUT)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
                consumer.assign(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
                Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, READ_TIMEOUT);
                for (TopicPartition partition : partitions) {
                    consumer.seek(partition, Math.max(begins.get(partition), ends.get(partition) - limit));
                }
                long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                        && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        letters.add(letter(record, replays));
                    }
                }
            }
        }
        letters.sort(Comparator.comparing(Letter::deadAt).reversed());
        return letters;
    }

    /** Sends one dead letter back to its original topic, once. */
    public Replay replay(String topic, int partition, long offset) {
        if (!isOurs(topic)) {
            throw DomainProblem.notFound("dead-letter topic", topic);
        }
        ConsumerRecord<byte[], byte[]> record = read(topic, partition, offset)
                .orElseThrow(() -> DomainProblem.notFound("dead letter", topic + "/" + partition + "/" + offset));
        String original = Optional.ofNullable(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).orElse(originalTopic(topic));
        String from = topic + "/" + partition + "/" + offset;
        Instant at = transactions.execute(status -> {
            int recorded = jdbc.sql("""
                    insert into dead_letter_replay (topic, partition_no, dead_offset, original_topic)
                    values (:topic, :partition, :offset, :original) on conflict do nothing""")
                    .param("topic", topic).param("partition", partition).param("offset", offset)
                    .param("original", original).update();
            if (recorded == 0) {
                throw DomainProblem.conflict("Dead letter " + from + " was already sent back");
            }
            ProducerRecord<String, byte[]> again = new ProducerRecord<>(original, null,
                    record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value());
            for (Header header : record.headers()) {
                if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(REPLAYED_FROM)) {
                    again.headers().add(header);
                }
            }
            again.headers().add(REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
            try {
                raw.send(again).get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new DomainProblem(HttpStatus.SERVICE_UNAVAILABLE, "Broker unavailable",
                        "Dead letter " + from + " could not be sent back now; nothing was recorded, try again");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return jdbc.sql("select replayed_at from dead_letter_replay where topic = :topic and partition_no = :partition"
                    + " and dead_offset = :offset").param("topic", topic).param("partition", partition)
                    .param("offset", offset).query(Instant.class).single();
        });
        log.info("Dead letter {} sent back to {}", from, original);
        return new Replay(topic, partition, offset, original, at);
    }

    private boolean isOurs(String topic) {
        return topic.startsWith("error.") && topic.endsWith("." + group) && topic.length() > 7 + group.length();
    }

    private String originalTopic(String deadLetterTopic) {
        return deadLetterTopic.substring("error.".length(), deadLetterTopic.length() - group.length() - 1);
    }

    private Optional<ConsumerRecord<byte[], byte[]>> read(String topic, int partition, long offset) {
        TopicPartition target = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            if (consumer.partitionsFor(topic, READ_TIMEOUT).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(target));
            long end = consumer.endOffsets(List.of(target), READ_TIMEOUT).get(target);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(target, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    private Map<String, Instant> replays() {
        Map<String, Instant> replays = new HashMap<>();
        jdbc.sql("select topic, partition_no, dead_offset, replayed_at from dead_letter_replay")
                .query(rs -> {
                    replays.put(rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getLong(3),
                            rs.getTimestamp(4).toInstant());
                });
        return replays;
    }

    private static Letter letter(ConsumerRecord<byte[], byte[]> record, Map<String, Instant> replays) {
        String reason = Optional.ofNullable(header(record, DeadLetters.ROOT_CAUSE))
                .orElse(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
        String originalPartition = intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        String originalOffset = longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return new Letter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                originalPartition == null ? null : Integer.valueOf(originalPartition),
                originalOffset == null ? null : Long.valueOf(originalOffset),
                header(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…",
                record.value() == null ? 0 : record.value().length, header(record, REPLAYED_FROM),
                replays.get(record.topic() + "/" + record.partition() + "/" + record.offset()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The recoverer writes the original partition as a 4-byte and the offset as an 8-byte big-endian number. */
    private static String intHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != 4 ? null
                : String.valueOf(java.nio.ByteBuffer.wrap(header.value()).getInt());
    }

    private static String longHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != 8 ? null
                : String.valueOf(java.nio.ByteBuffer.wrap(header.value()).getLong());
    }
}
