package clinic.migraine.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the four Spring Boot services, run from its built jar with the stack's addresses on the command line. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * glibc gives each thread that allocates its own malloc arena (up to 8 per core, 64 MiB reserved each); the JVM
     * allocates little outside its heap, and two arenas keep the services' resident size down.
     */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final String name;
    private final ManagedProcess process;
    private final int port;
    private final ClassDataSharing classData;

    private ServiceProcess(String name, ManagedProcess process, int port, ClassDataSharing classData) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.classData = classData;
    }

    public static Path jar(Path projectRoot, String module) {
        return projectRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /**
     * @param classDataDirectory where the extracted jar and its class-data archive are kept, or null to run the
     *        jar as built
     */
    public static ServiceProcess start(Path projectRoot, String module, int port, Map<String, String> properties,
            List<String> jvmOptions, Path logFile, Path classDataDirectory) {
        Path jar = jar(projectRoot, module);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(module + " is not built: " + jar + " is missing");
        }
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.java());
        command.addAll(jvmOptions);
        command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=clinic.migraine.events");
        ClassDataSharing classData = classDataDirectory == null ? null
                : ClassDataSharing.prepare(jar, classDataDirectory.resolve(module));
        command.addAll(classData == null ? List.of("-jar", jar.toAbsolutePath().toString()) : classData.launch());
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new ServiceProcess(module, ManagedProcess.start(module, command, ENVIRONMENT, projectRoot, logFile), port,
                classData);
    }

    public ServiceProcess awaitReady(Duration timeout) {
        process.awaitReady(timeout, () -> {
            Http.Answer health = Http.get(baseUrl() + "/actuator/health");
            return health.ok() && health.body().contains("\"UP\"");
        });
        return this;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** True when this start runs without a class-data archive and should record one once ready. */
    boolean recordsClassData() {
        return classData != null && classData.recording();
    }

    /** Writes this service's class-data archive for the next start (call once it is ready); true if written. */
    boolean recordClassData() {
        return recordsClassData() && classData.record();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
