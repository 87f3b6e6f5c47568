package clinic.migraine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import clinic.migraine.events.EventTopic;
import clinic.migraine.testsupport.RunningSystem;
import org.junit.jupiter.api.Test;

/**
 * README's topic table names every topic, its one writer and who reads it; this compares it with the code:
 * {@link EventTopic} (the writer) and each service's {@code application.yml} bindings (the readers).
 */
class ReadmeTopicsTest {

    private static final Pattern DESTINATION = Pattern.compile("^\\s+destination:\\s*(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Map<String, String> SERVICES = Map.of("intake", "intake-service", "eligibility",
            "eligibility-service", "scheduling", "scheduling-service", "followup", "followup-service");

    @Test
    void theTopicTableNamesEveryTopicWithItsWriter() {
        Map<String, String> writers = new TreeMap<>();
        for (EventTopic topic : EventTopic.values()) {
            writers.put(topic.topicName(), shortName(topic.writer().groupName()));
        }
        assertThat(new TreeMap<>(Readme.ofProject().topics("writer"))).isEqualTo(writers);
    }

    @Test
    void theReadByColumnIsWhatEachServiceBinds() throws IOException {
        Map<String, Set<String>> bound = new TreeMap<>();
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            for (String topic : destinations(service.getValue())) {
                bound.computeIfAbsent(topic, t -> new TreeSet<>()).add(service.getKey());
            }
        }
        assertThat(bound).as("bindings found").isNotEmpty();
        Map<String, Set<String>> documented = new TreeMap<>();
        Readme.ofProject().topics("read by").forEach((topic, readers) -> documented.put(topic,
                Arrays.stream(readers.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new))));
        documented.values().removeIf(Set::isEmpty);
        assertThat(documented).isEqualTo(bound);
    }

    private static Set<String> destinations(String module) throws IOException {
        String yaml = Files.readString(RunningSystem.projectRoot().resolve(Path.of(module, "src/main/resources/application.yml")));
        Set<String> topics = new TreeSet<>();
        Matcher destination = DESTINATION.matcher(yaml);
        while (destination.find()) {
            topics.addAll(Arrays.asList(destination.group(1).split(",")));
        }
        return topics;
    }

    private static String shortName(String groupName) {
        return SERVICES.entrySet().stream().filter(e -> e.getValue().equals(groupName)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalStateException("unknown service " + groupName));
    }
}
