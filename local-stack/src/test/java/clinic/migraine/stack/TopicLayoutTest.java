package clinic.migraine.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The topics the stack and compose create first are exactly those the services use: each topic a service reads
 * (its application.yml bindings) and its dead-letter topic for that service's group, and compose creates them from
 * the same list with the same partition count.
 */
class TopicLayoutTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theTopicListHoldsEachTopicTheServicesReadAndTheirDeadLettersAndNothingElseUnexplained() throws IOException {
        List<String> listed = KafkaTopics.names(KafkaTopics.file(ROOT));
        Set<String> read = new TreeSet<>();
        Set<String> deadLetters = new TreeSet<>();
        for (String service : StackConfig.SERVICE_PORTS.keySet()) {
            for (String topic : destinations(service)) {
                read.add(topic);
                deadLetters.add("error." + topic + "." + service);
            }
        }
        assertThat(listed).doesNotHaveDuplicates().containsAll(read).containsAll(deadLetters);
        assertThat(listed.stream().filter(name -> name.startsWith("error.")).toList())
                .containsExactlyInAnyOrderElementsOf(deadLetters);
    }

    @Test
    void composeCreatesTheListedTopicsWithTheSamePartitionCountTheServicesAreGiven() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(compose).contains("./platform/kafka-broker/config/topics.txt:/etc/clinic/topics.txt:ro")
                .contains("PARTITIONS: ${KAFKA_TOPIC_PARTITIONS:-6}")
                .contains("CLINIC_KAFKA_PARTITIONS: ${KAFKA_TOPIC_PARTITIONS:-6}")
                .contains("KAFKA_NUM_PARTITIONS: ${KAFKA_TOPIC_PARTITIONS:-6}");
        assertThat(Files.readString(ROOT.resolve("platform/kafka-broker/config/server.properties")))
                .containsPattern("(?m)^num.partitions=" + KafkaTopics.DEFAULT_PARTITIONS + "$");
    }

    @Test
    void composeScalingLeavesEachServiceInstanceAHostPortOfItsOwn() throws IOException {
        String scaling = Files.readString(ROOT.resolve("docker-compose.scale.yml"));
        StackConfig.SERVICE_PORTS.forEach((service, port) -> assertThat(scaling)
                .containsPattern("(?m)^  " + service + ":\\n    ports: !override\\n      - \"" + port + "\"$"));
    }

    @Test
    void extraInstancesGetPortsAHundredApartAndKeepTheirModule() {
        Map<String, Integer> two = StackConfig.replicated(StackConfig.SERVICE_PORTS, 2, (port, n) -> port + 100 * (n - 1));
        assertThat(two).containsEntry("intake-service", 8091).containsEntry("intake-service-2", 8191)
                .containsEntry("followup-service-2", 8194).hasSize(8);
        assertThat(StackConfig.module("scheduling-service-2")).isEqualTo("scheduling-service");
        assertThat(StackConfig.module("scheduling-service")).isEqualTo("scheduling-service");
    }

    @SuppressWarnings("unchecked")
    private static List<String> destinations(String service) throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(
                ROOT.resolve(service).resolve("src/main/resources/application.yml")).split("(?m)^---")[0]);
        Map<String, Object> bindings = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) yaml.get("spring")).get("cloud")).get("stream")).get("bindings");
        List<String> topics = new ArrayList<>();
        bindings.forEach((name, binding) -> {
            if (name.contains("-in-")) {
                for (String topic : ((Map<String, Object>) binding).get("destination").toString().split(",")) {
                    topics.add(topic.strip());
                }
            }
        });
        return topics;
    }
}
