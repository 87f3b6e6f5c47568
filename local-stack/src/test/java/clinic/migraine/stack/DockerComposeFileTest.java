package clinic.migraine.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Compose cannot run here, so its file is checked: every container pinned, health-checked and limited. */
class DockerComposeFileTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceHasAPinnedImageAHealthcheckAndAMemoryLimit() throws IOException {
        Map<String, Map<String, Object>> services = services();

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

    @Test
    @SuppressWarnings("unchecked")
    void theFourServicesAreBuiltFromTheirJarsOnTheirPortsAfterTheInfrastructureIsHealthy() throws IOException {
        Map<String, Map<String, Object>> services = services();

        StackConfig.SERVICE_PORTS.forEach((name, port) -> {
            Map<String, Object> service = services.get(name);
            assertThat(service).as(name).isNotNull();
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(Path.of("..").resolve(build.get("context").toString()).resolve(build.get("dockerfile").toString()))
                    .as(name + " Dockerfile").isRegularFile();
            assertThat((Map<String, Object>) build.get("args")).containsEntry("SERVICE", name)
                    .containsEntry("PORT", String.valueOf(port));
            assertThat((List<String>) service.get("ports")).containsExactly(port + ":" + port);
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            for (String infrastructure : List.of("kafka", "schema-registry", "postgres")) {
                assertThat(dependsOn.get(infrastructure)).as(name + " waits for " + infrastructure)
                        .containsEntry("condition", "service_healthy");
            }
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment.get("SPRING_DATASOURCE_URL").toString())
                    .endsWith("/" + StackConfig.database(name));
            assertThat(environment).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:29092")
                    .containsEntry("CLINIC_SCHEMAREGISTRY_URL", "http://schema-registry:8081");
            Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
            assertThat(String.join(" ", (List<String>) healthcheck.get("test")))
                    .contains("/" + port).contains("/actuator/health/readiness");
        });
        assertThat(((Map<String, Object>) services.get("followup-service").get("environment")))
                .containsEntry("SPRING_MAIL_HOST", "mailpit");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("../docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void theImageRunsTheLayeredJarAsAnUnprivilegedUserOnJava17() throws IOException {
        List<String> dockerfile = Files.readAllLines(Path.of("../docker/service.Dockerfile"));
        assertThat(dockerfile).filteredOn(line -> line.startsWith("FROM "))
                .allMatch(line -> line.startsWith("FROM eclipse-temurin:17-jre"));
        assertThat(dockerfile).anyMatch(line -> line.contains("extract --layers --launcher"));
        assertThat(dockerfile).filteredOn(line -> line.startsWith("USER ")).singleElement()
                .satisfies(line -> assertThat(line).doesNotContain("root").doesNotContain(" 0"));
        assertThat(dockerfile.indexOf(dockerfile.stream().filter(line -> line.startsWith("USER ")).findFirst().orElseThrow()))
                .as("USER comes before the entry point")
                .isLessThan(dockerfile.indexOf(dockerfile.stream().filter(line -> line.startsWith("ENTRYPOINT")).findFirst()
                        .orElseThrow()));
        assertThat(Files.readAllLines(Path.of("../.dockerignore"))).contains("*", "!*-service/target/*-service.jar");
    }
}
