package clinic.migraine.testsupport;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Offsets read with the admin client: records written to topics, and how far behind the consumer groups are. */
public final class KafkaOffsets implements AutoCloseable {

    /** The services' consumer groups. */
    public static final List<String> GROUPS = List.of("intake-service", "eligibility-service", "scheduling-service",
            "followup-service");

    private final Admin admin;

    public KafkaOffsets(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Sum of the end offsets of the topics. */
    public long records(Collection<String> topics) {
        return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every topic but the dead-letter ones. */
    public Collection<String> eventTopics() {
        return topics().stream().filter(name -> !name.startsWith("error.")).toList();
    }

    /** Records the services' consumer groups have not yet read. */
    public long lag() {
        return lagByGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records each of the services' consumer groups has not yet read, by group. */
    public Map<String, Long> lagByGroup() {
        try {
            Map<TopicPartition, Long> ends = endOffsets(eventTopics());
            Map<String, Long> lag = new TreeMap<>();
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                long behind = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
                    Long end = ends.get(offset.getKey());
                    if (end != null && offset.getValue() != null) {
                        behind += Math.max(0, end - offset.getValue().offset());
                    }
                }
                lag.put(group, behind);
            }
            return lag;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of all topics. */
    public Collection<String> topics() {
        try {
            return admin.listTopics().names().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
