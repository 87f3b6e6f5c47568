package clinic.migraine.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import clinic.migraine.stack.SchemaRegistryProcess;
import clinic.migraine.stack.Stack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives tests the real schema registry: launched once per test JVM on a free port (in-memory store,
 * BACKWARD compatibility) and stopped when the JVM ends. Sets the system property
 * {@code clinic.schema-registry.url} before any Spring context starts.
 */
public final class RealSchemaRegistry implements BeforeAllCallback {

    public static final String URL_PROPERTY = "clinic.schema-registry.url";
    private static SchemaRegistryProcess registry;

    @Override
    public void beforeAll(ExtensionContext context) {
        url();
    }

    /** Base URL of the Confluent-compatible API; starts the registry on first use. */
    public static synchronized String url() {
        if (registry == null) {
            Path jar = Stack.registryJar(projectRoot());
            try {
                Path log = Files.createTempFile("schema-registry", ".log");
                registry = SchemaRegistryProcess.start(jar, freePort(), null, log).awaitReady(Duration.ofSeconds(120));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SchemaRegistryProcess started = registry;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "schema-registry-stop"));
            System.setProperty(URL_PROPERTY, registry.ccompatUrl());
        }
        return registry.ccompatUrl();
    }

    static int freePort() {
        return RunningSystem.freePort();
    }

    /** The project root: the nearest folder upwards that has the Maven wrapper. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }
}
