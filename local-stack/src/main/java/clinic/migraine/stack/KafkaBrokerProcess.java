package clinic.migraine.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The real Kafka broker (KRaft, broker and controller in one JVM) from platform/kafka-broker, as a child process. */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private KafkaBrokerProcess(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param brokerModule the platform/kafka-broker folder, built (target/classes and target/classpath.txt)
     */
    public static KafkaBrokerProcess start(Path brokerModule, int port, int controllerPort, Path dataDirectory,
            Path logFile) {
        Path classes = brokerModule.resolve("target/classes");
        Path classpathFile = brokerModule.resolve("target/classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("Kafka broker not built: " + classpathFile
                    + " is missing (build it with ./mvnw -B -ntp package -pl platform/kafka-broker)");
        }
        String classpath;
        try {
            classpath = classes + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String listeners = "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort;
        List<String> command = List.of(ManagedProcess.java(), "-Xms256m", "-Xmx256m",
                "-cp", classpath,
                "clinic.migraine.platform.kafka.KafkaBroker",
                brokerModule.resolve("config/server.properties").toAbsolutePath().toString(),
                "--override", "listeners=" + listeners,
                "--override", "advertised.listeners=" + listeners,
                "--override", "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "--override", "log.dirs=" + dataDirectory.toAbsolutePath());
        return new KafkaBrokerProcess(ManagedProcess.start("kafka", command, brokerModule, logFile), port);
    }

    public KafkaBrokerProcess awaitReady(Duration timeout) {
        process.awaitReady(timeout, () -> process.logContains("Kafka Server started"));
        return this;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
