package clinic.migraine.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real schema registry (Apicurio Registry with its Confluent-compatible API) as a child process. With a
 * data directory it stores in a file and keeps schemas across restarts; without, in memory. Compatibility
 * is set to BACKWARD once it answers.
 */
public final class SchemaRegistryProcess implements AutoCloseable {

    public static final String JAR_PROPERTY = "clinic.registry.jar";
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final ManagedProcess process;
    private final int port;

    private SchemaRegistryProcess(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static SchemaRegistryProcess start(Path runnerJar, int port, Path dataDirectory, Path logFile) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException("schema registry not built: " + runnerJar
                    + " is missing (build it with ./mvnw -B -ntp install -DskipTests -pl platform/schema-registry -am)");
        }
        List<String> command = new ArrayList<>(List.of(ManagedProcess.java(), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.min-size=1",
                "-Dquarkus.datasource.jdbc.initial-size=1",
                "-Dquarkus.datasource.jdbc.max-size=10",
                "-Dquarkus.log.level=WARN"));
        // concurrent registrations can deadlock in H2; a short lock timeout turns that into a quick HTTP 500,
        // which the serde retries
        String store = dataDirectory == null ? "mem:registry_db;DB_CLOSE_DELAY=-1"
                : "file:" + dataDirectory.toAbsolutePath().resolve("registry");
        command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:" + store + ";LOCK_TIMEOUT=2000");
        command.addAll(List.of("-jar", runnerJar.toAbsolutePath().toString()));
        Path workingDirectory = runnerJar.toAbsolutePath().getParent();
        SchemaRegistryProcess registry = new SchemaRegistryProcess(
                ManagedProcess.start("schema-registry", command, workingDirectory, logFile), port);
        return registry;
    }

    public SchemaRegistryProcess awaitReady(Duration timeout) {
        process.awaitReady(timeout, () -> Http.get(ccompatUrl() + "/subjects").ok());
        Http.Answer answer = Http.put(ccompatUrl() + "/config", CONTENT_TYPE, "{\"compatibility\":\"BACKWARD\"}");
        if (!answer.ok()) {
            throw new IllegalStateException("registry refused BACKWARD compatibility: HTTP " + answer.status());
        }
        return this;
    }

    /** Base URL of the Confluent-compatible API, as the serde's schema.registry.url. */
    public String ccompatUrl() {
        return "http://localhost:" + port + "/apis/ccompat/v7";
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
