package clinic.migraine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The list of topics the local stack and compose create first names every event topic, and no other. */
class TopicListTest {

    @Test
    void theTopicsCreatedBeforeTheServicesStartAreTheEventTopicsAndTheirDeadLetters() throws IOException {
        List<String> listed = Files.readAllLines(Path.of("../platform/kafka-broker/config/topics.txt")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        assertThat(listed.stream().filter(name -> !name.startsWith("error.")).toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventTopic.values()).map(EventTopic::topicName).toList());
        assertThat(listed.stream().filter(name -> name.startsWith("error.")).toList()).allSatisfy(name -> assertThat(
                Arrays.stream(EventTopic.values()).anyMatch(topic -> Arrays.stream(EventTopic.Service.values())
                        .anyMatch(service -> topic.deadLetterTopic(service).equals(name)))).as(name).isTrue());
    }
}
