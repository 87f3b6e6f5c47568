package clinic.migraine.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Compose cannot run here, so its file is checked: every container pinned, health-checked and limited. */
class DockerComposeFileTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAPinnedImageAHealthcheckAndAMemoryLimit() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("../docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsKeys("kafka", "schema-registry", "postgres", "mailpit");
        services.forEach((name, service) -> {
            if (service.containsKey("image")) {
                String image = service.get("image").toString();
                assertThat(image).as(name + " image").contains(":").doesNotEndWith(":latest");
            } else {
                assertThat(service).as(name + " builds its image").containsKey("build");
            }
            assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
            assertThat(service).as(name + " memory limit").containsKey("mem_limit");
        });
    }
}
