package clinic.migraine.testsupport;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets read with the admin client: records written to topics, and how far behind the consumer groups are.
 * Every count holds for any number of partitions: end offsets are summed over all partitions of a topic, and a
 * group's lag covers every partition of every topic it reads, a partition it has not committed on yet counted
 * from that partition's beginning offset.
 */
public final class KafkaOffsets implements AutoCloseable {

    /** The services' consumer groups. */
    public static final List<String> GROUPS = List.of("intake-service", "eligibility-service", "scheduling-service",
            "followup-service");

    private final Admin admin;

    public KafkaOffsets(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Sum of the end offsets of the topics, over all their partitions. */
    public long records(Collection<String> topics) {
        return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** End offsets summed over the partitions, by topic. */
    public Map<String, Long> recordsByTopic(Collection<String> topics) {
        Map<String, Long> byTopic = new TreeMap<>();
        endOffsets(topics).forEach((partition, end) -> byTopic.merge(partition.topic(), end, Long::sum));
        return byTopic;
    }

    /** Every topic but the dead-letter ones and the broker's own. */
    public Collection<String> eventTopics() {
        return topics().stream().filter(name -> !name.startsWith("error.") && !name.startsWith("__")).toList();
    }

    /** Records the services' consumer groups have not yet read. */
    public long lag() {
        return lagByGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records each of the services' consumer groups has not yet read, by group. */
    public Map<String, Long> lagByGroup() {
        Map<String, Long> lag = new TreeMap<>();
        for (String group : GROUPS) {
            lag.put(group, lagByPartition(group).values().stream().mapToLong(Long::longValue).sum());
        }
        return lag;
    }

    /**
     * Records the group has not yet read, for every partition of every event topic it reads (those its live
     * members are assigned and those it has committed on): end offset minus committed offset, or minus the
     * beginning offset where the group has no commit on that partition.
     */
    public Map<TopicPartition, Long> lagByPartition(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Set<String> read = new TreeSet<>(topicsAssignedTo(group));
            committed.keySet().forEach(partition -> read.add(partition.topic()));
            read.removeIf(topic -> topic.startsWith("error.") || topic.startsWith("__"));
            Map<TopicPartition, Long> ends = endOffsets(read);
            Map<TopicPartition, Long> beginnings = beginningOffsets(read);
            Map<TopicPartition, Long> lag = new HashMap<>();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata commit = committed.get(partition);
                long from = commit != null ? commit.offset() : beginnings.getOrDefault(partition, 0L);
                lag.put(partition, Math.max(0, end - from));
            });
            return lag;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The topics the group's live members are assigned, as the broker sees them. */
    public Set<String> topicsAssignedTo(String group) {
        try {
            Set<String> topics = new TreeSet<>();
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            if (description != null) {
                for (MemberDescription member : description.members()) {
                    member.assignment().topicPartitions().forEach(partition -> topics.add(partition.topic()));
                }
            }
            return topics;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        return offsets(topics, OffsetSpec.latest());
    }

    /** The first offset still on each partition (0 unless the log was trimmed). */
    public Map<TopicPartition, Long> beginningOffsets(Collection<String> topics) {
        return offsets(topics, OffsetSpec.earliest());
    }

    private Map<TopicPartition, Long> offsets(Collection<String> topics, OffsetSpec spec) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        try {
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(p -> wanted.put(new TopicPartition(name, p.partition()), spec)));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(wanted).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
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
