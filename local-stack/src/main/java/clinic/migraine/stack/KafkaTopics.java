package clinic.migraine.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The clinic's topics (platform/kafka-broker/config/topics.txt: the event topics and their dead-letter topics),
 * created before the services start, each with the same partition count; a topic that exists with fewer
 * partitions gets more (Kafka never takes partitions away).
 */
public final class KafkaTopics {

    /** The property services and the stack read the partition count from. */
    public static final String PARTITIONS_PROPERTY = "clinic.kafka.partitions";
    public static final int DEFAULT_PARTITIONS = 6;

    private KafkaTopics() {
    }

    /** The topic names the file lists, in its order. */
    public static List<String> names(Path topicsFile) {
        try {
            return Files.readAllLines(topicsFile).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(Path projectRoot) {
        return projectRoot.resolve("platform/kafka-broker/config/topics.txt");
    }

    /** Creates each missing topic with {@code partitions} partitions and widens narrower ones. */
    public static void create(String bootstrapServers, List<String> topics, int partitions) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Map<String, TopicDescription> existing = admin.describeTopics(
                    admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                            .filter(topics::contains).toList())
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(name -> !existing.containsKey(name))
                    .map(name -> new NewTopic(name, Optional.of(partitions), Optional.empty())).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            Map<String, NewPartitions> wider = new HashMap<>();
            existing.forEach((name, description) -> {
                if (description.partitions().size() < partitions) {
                    wider.put(name, NewPartitions.increaseTo(partitions));
                }
            });
            admin.createPartitions(wider).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the clinic's topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the clinic's topics", e);
        }
    }

    /** How many partitions each topic has now. */
    public static Map<String, Integer> partitions(String bootstrapServers, List<String> topics) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Map<String, Integer> counts = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .forEach((name, description) -> counts.put(name, description.partitions().size()));
            return counts;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe the clinic's topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the clinic's topics", e);
        }
    }
}
