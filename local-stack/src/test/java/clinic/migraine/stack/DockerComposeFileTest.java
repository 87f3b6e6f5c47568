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

/**
 * Compose cannot run here, so its file and the service Dockerfiles are checked: every container pinned,
 * health-checked and limited; each service built from its own module on its fixed port, started after the
 * infrastructure is healthy, as an unprivileged user on Java 17 from the layered jar.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    @Test
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
    void theFourServicesAreBuiltFromTheirModulesOnTheirPortsAfterTheInfrastructureIsHealthy() throws IOException {
        Map<String, Map<String, Object>> services = services();

        assertThat(StackConfig.SERVICE_PORTS).hasSize(4);
        StackConfig.SERVICE_PORTS.forEach((name, port) -> {
            Map<String, Object> service = services.get(name);
            assertThat(service).as(name).isNotNull();

            Path context = ROOT.resolve(buildContext(name, service.get("build")));
            assertThat(context.normalize()).as(name + " build context").isEqualTo(ROOT.resolve(name).normalize());
            assertThat(context.resolve("Dockerfile")).as(name + " Dockerfile").isRegularFile();
            assertThat(context.resolve(".dockerignore")).as(name + " .dockerignore").isRegularFile();

            assertThat((List<String>) service.get("ports")).as(name + " ports").containsExactly(port + ":" + port);
            assertThat(service.get("mem_limit")).as(name + " memory limit").isEqualTo("512m");
            assertThat(service.get("restart")).as(name + " restart").isEqualTo("unless-stopped");

            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(dependsOn).as(name + " depends_on").isNotNull();
            for (String infrastructure : List.of("kafka", "schema-registry", "postgres")) {
                assertThat(dependsOn.get(infrastructure)).as(name + " waits for " + infrastructure)
                        .containsEntry("condition", "service_healthy");
            }

            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment).as(name + " environment")
                    .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + StackConfig.database(name))
                    .containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
                    .containsEntry("SPRING_DATASOURCE_PASSWORD",
                            "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env (see .env.example)}")
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:29092")
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "kafka:29092")
                    .containsEntry("CLINIC_SCHEMA_REGISTRY_URL", "http://schema-registry:8081")
                    // not the local profile: no demo accounts, no local keys; the account comes from .env
                    .containsEntry("SPRING_PROFILES_ACTIVE", "compose")
                    .containsEntry("CLINIC_SECURITY_USERS_0_ROLES", "ADMIN");
            assertThat(environment.get("CLINIC_SECURITY_USERS_0_PASSWORD").toString()).as(name)
                    .startsWith("${CLINIC_ADMIN_PASSWORD_HASH:?");

            Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
            assertThat(healthcheck).as(name + " healthcheck").isNotNull();
            List<String> test = (List<String>) healthcheck.get("test");
            assertThat(test).as(name + " healthcheck").startsWith("CMD", "bash", "-c");
            assertThat(String.join(" ", test)).as(name + " healthcheck")
                    .contains("/dev/tcp/127.0.0.1/" + port + " ")
                    .contains("/actuator/health/readiness")
                    .doesNotContain("curl").doesNotContain("wget");
        });

        Map<String, Object> followup = services.get("followup-service");
        assertThat((Map<String, Map<String, String>>) followup.get("depends_on")).as("followup waits for mailpit")
                .extractingByKey("mailpit").isEqualTo(Map.of("condition", "service_healthy"));
        assertThat((Map<String, Object>) followup.get("environment"))
                .containsEntry("SPRING_MAIL_HOST", "mailpit")
                .containsEntry("SPRING_MAIL_PORT", "1025")
                .containsEntry("CLINIC_FOLLOWUP_PUBLIC_BASE_URL", "http://localhost:8094");
    }

    /**
     * Secrets come from .env and stop compose when missing; only the four services listen beyond this machine;
     * the JVM heaps fit their containers' limits.
     */
    @Test
    @SuppressWarnings("unchecked")
    void secretsComeFromTheEnvFileTheInfrastructureListensOnLoopbackAndHeapsFitTheirLimits() throws IOException {
        Map<String, Map<String, Object>> services = services();
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        String example = Files.readString(ROOT.resolve(".env.example"));

        java.util.regex.Matcher required = java.util.regex.Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(compose);
        List<String> variables = new java.util.ArrayList<>();
        while (required.find()) {
            variables.add(required.group(1));
        }
        assertThat(variables).contains("POSTGRES_PASSWORD", "CLINIC_ADMIN_NAME", "CLINIC_ADMIN_PASSWORD_HASH",
                "CLINIC_FOLLOWUP_LINK_SECRET", "CLINIC_FOLLOWUP_SMS_AUTH_TOKEN", "CLINIC_SCHEDULING_VISIT_LINK_KEY");
        variables.forEach(variable -> assertThat(example).as(".env.example explains " + variable)
                .containsPattern("(?m)^" + variable + "="));
        assertThat(compose).doesNotContain("PASSWORD: postgres").doesNotContain("SPRING_PROFILES_ACTIVE: local");
        assertThat(Files.readString(ROOT.resolve(".gitignore"))).containsPattern("(?m)^\\.env$");

        for (String infrastructure : List.of("kafka", "schema-registry", "postgres", "mailpit")) {
            assertThat((List<String>) services.get(infrastructure).get("ports")).as(infrastructure + " ports")
                    .isNotEmpty().allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
        }
        assertThat((Map<String, Object>) services.get("followup-service").get("environment"))
                .containsKeys("CLINIC_FOLLOWUP_LINKS_KEY_ID", "CLINIC_FOLLOWUP_LINKS_KEYS_1",
                        "CLINIC_FOLLOWUP_SMS_AUTH_TOKEN");
        assertThat((Map<String, Object>) services.get("scheduling-service").get("environment"))
                .containsKeys("CLINIC_SCHEDULING_VISIT_LINKS_KEY_ID", "CLINIC_SCHEDULING_VISIT_LINKS_KEYS_1");
        assertThat(services.get("kafka").get("mem_limit")).isEqualTo("768m");
        assertThat((Map<String, Object>) services.get("kafka").get("environment"))
                .containsEntry("KAFKA_HEAP_OPTS", "-Xms512m -Xmx512m");
        assertThat(services.get("schema-registry").get("mem_limit")).isEqualTo("512m");
        assertThat((Map<String, Object>) services.get("schema-registry").get("environment"))
                .containsEntry("SCHEMA_REGISTRY_HEAP_OPTS", "-Xms256m -Xmx256m");
    }

    @Test
    void eachImageRunsTheLayeredJarAsAnUnprivilegedUserOnJava17() {
        StackConfig.SERVICE_PORTS.forEach((name, port) -> {
            List<String> dockerfile = instructions(ROOT.resolve(name).resolve("Dockerfile"));

            assertThat(dockerfile).as(name + " stages").filteredOn(line -> line.startsWith("FROM ")).hasSize(2)
                    .allMatch(line -> line.matches("FROM eclipse-temurin:17-jre( AS \\w+)?"));
            assertThat(dockerfile).as(name + " copies its own jar")
                    .anyMatch(line -> line.matches("COPY target/" + name + "\\.jar \\S+"));
            assertThat(dockerfile).as(name + " extracts the layers").anyMatch(line -> line.startsWith("RUN java -Djarmode=tools")
                    && line.contains(" extract --layers --launcher --destination "));

            List<String> layerCopies = dockerfile.stream().filter(line -> line.startsWith("COPY --from="))
                    .map(line -> line.split(" ")[2]).toList();
            assertThat(layerCopies).as(name + " layers, least often changed first").hasSize(LAYERS.size());
            for (int i = 0; i < LAYERS.size(); i++) {
                assertThat(layerCopies.get(i)).as(name + " layer " + i).endsWith("/" + LAYERS.get(i) + "/");
            }

            String user = dockerfile.stream().filter(line -> line.startsWith("USER ")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError(name + " has no USER"));
            String userName = user.substring("USER ".length()).split(":")[0].trim();
            assertThat(userName).as(name + " runs as").isNotEmpty().isNotEqualTo("root").isNotEqualTo("0");
            int userLine = dockerfile.indexOf(user);
            assertThat(userLine).as(name + " USER after the files are in place, before the entry point")
                    .isGreaterThan(lastIndexStartingWith(dockerfile, "COPY "))
                    .isLessThan(lastIndexStartingWith(dockerfile, "ENTRYPOINT "));

            assertThat(dockerfile).as(name + " JVM options").contains(
                    "ENV JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=75 -Dorg.apache.avro.SERIALIZABLE_PACKAGES=clinic.migraine.events\"");
            assertThat(dockerfile).as(name + " port").filteredOn(line -> line.startsWith("EXPOSE "))
                    .containsExactly("EXPOSE " + port);
            assertThat(dockerfile).as(name + " entry point").filteredOn(line -> line.startsWith("ENTRYPOINT "))
                    .containsExactly("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
        });
    }

    @Test
    void theFourDockerfilesDifferOnlyInJarNameAndPort() throws IOException {
        String reference = null;
        for (Map.Entry<String, Integer> service : StackConfig.SERVICE_PORTS.entrySet()) {
            String generic = Files.readString(ROOT.resolve(service.getKey()).resolve("Dockerfile"))
                    .replace(service.getKey(), "SERVICE").replace(String.valueOf(service.getValue()), "PORT");
            if (reference == null) {
                reference = generic;
            }
            assertThat(generic).as(service.getKey() + " Dockerfile, module name and port aside").isEqualTo(reference);
        }
    }

    @Test
    void onlyTheJarGoesToTheImageBuilder() throws IOException {
        for (String name : StackConfig.SERVICE_PORTS.keySet()) {
            List<String> rules = Files.readAllLines(ROOT.resolve(name).resolve(".dockerignore")).stream()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

            assertThat(rules).as(name + " .dockerignore").containsExactly("*", "!target/*.jar");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    /** {@code build: ./module}, or {@code build: {context: ./module}} with the default Dockerfile. */
    @SuppressWarnings("unchecked")
    private static String buildContext(String name, Object build) {
        assertThat(build).as(name + " build").isNotNull();
        if (build instanceof Map<?, ?> map) {
            assertThat(map.get("dockerfile")).as(name + " Dockerfile name").isIn(null, "Dockerfile");
            return ((Map<String, Object>) map).get("context").toString();
        }
        return build.toString();
    }

    /** The Dockerfile's instructions: comments and blank lines dropped, continued lines joined. */
    private static List<String> instructions(Path dockerfile) {
        String text;
        try {
            text = Files.readString(dockerfile);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + dockerfile, e);
        }
        return text.lines().filter(line -> !line.trim().startsWith("#"))
                .reduce(new StringBuilder(), (all, line) -> all.append(line.endsWith("\\")
                        ? line.substring(0, line.length() - 1) + " " : line + "\n"), StringBuilder::append)
                .toString().lines().map(String::trim).filter(line -> !line.isEmpty())
                .map(line -> line.replaceAll("\\s+", " ")).toList();
    }

    private static int lastIndexStartingWith(List<String> lines, String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + prefix.trim() + " instruction");
    }
}
