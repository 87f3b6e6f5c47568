package clinic.migraine.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the stack lives and which ports it takes. {@link #defaults} gives the project's fixed ports; tests
 * pass free ports and a throwaway folder.
 *
 * @param dataDirectory kept across restarts; null for a stack that forgets everything
 * @param services service instance → port, in start order: the module's name for its first instance,
 *        the name and "-2", "-3", ... for more (see {@link #withReplicas})
 * @param serviceProperties extra Spring properties for every service (e.g. shortened follow-up offsets)
 * @param classDataDirectory where the services' class-data archives are kept (faster starts); null for none
 */
public record StackConfig(Path projectRoot, Path dataDirectory, Path logDirectory, int kafkaPort,
        int kafkaControllerPort, int registryPort, int postgresPort, int smtpPort, int imapPort,
        Map<String, Integer> services, Map<String, String> serviceProperties, List<String> serviceJvmOptions,
        Path classDataDirectory) {

    /** A stack that runs the service jars as built (tests: every run is a first run). */
    public StackConfig(Path projectRoot, Path dataDirectory, Path logDirectory, int kafkaPort,
            int kafkaControllerPort, int registryPort, int postgresPort, int smtpPort, int imapPort,
            Map<String, Integer> services, Map<String, String> serviceProperties, List<String> serviceJvmOptions) {
        this(projectRoot, dataDirectory, logDirectory, kafkaPort, kafkaControllerPort, registryPort, postgresPort,
                smtpPort, imapPort, services, serviceProperties, serviceJvmOptions, null);
    }

    public static final Map<String, Integer> SERVICE_PORTS = orderedPorts();

    /**
     * The services' JVM options on this machine: C1 only and the serial collector (small, quick to start); the heap
     * starts small and grows as needed (otherwise the initial heap is the maximum and its whole young generation
     * is touched at once).
     */
    public static final List<String> SERVICE_JVM = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    public static StackConfig defaults(Path projectRoot, Path stateDirectory) {
        return new StackConfig(projectRoot, stateDirectory.resolve("data"), stateDirectory.resolve("logs"),
                9092, 9093, 8081, 5432, 1025, 1143, SERVICE_PORTS, Map.of("spring.profiles.active", "local"),
                SERVICE_JVM, stateDirectory.resolve("cds"));
    }

    private static Map<String, Integer> orderedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("intake-service", 8091);
        ports.put("eligibility-service", 8092);
        ports.put("scheduling-service", 8093);
        ports.put("followup-service", 8094);
        return java.util.Collections.unmodifiableMap(ports);
    }

    /**
     * The same stack with {@code replicas} instances of each service against the same broker and database; the
     * second instance listens on the first one's port + 100, the third on + 200.
     */
    public StackConfig withReplicas(int replicas) {
        return new StackConfig(projectRoot, dataDirectory, logDirectory, kafkaPort, kafkaControllerPort, registryPort,
                postgresPort, smtpPort, imapPort, replicated(services, replicas, (port, n) -> port + 100 * (n - 1)),
                serviceProperties, serviceJvmOptions, classDataDirectory);
    }

    /** Each service's instances 1..replicas, in start order (all first instances, then all second ones). */
    public static Map<String, Integer> replicated(Map<String, Integer> services, int replicas,
            java.util.function.BiFunction<Integer, Integer, Integer> port) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
        }
        Map<String, Integer> instances = new LinkedHashMap<>();
        for (int n = 1; n <= replicas; n++) {
            for (Map.Entry<String, Integer> service : services.entrySet()) {
                String module = module(service.getKey());
                instances.put(n == 1 ? module : module + "-" + n, port.apply(services.get(service.getKey()), n));
            }
        }
        return java.util.Collections.unmodifiableMap(instances);
    }

    /** The service module an instance belongs to: "scheduling-service-2" → "scheduling-service". */
    public static String module(String instance) {
        return instance.replaceFirst("-service-\\d+$", "-service");
    }

    static String database(String serviceModule) {
        return serviceModule.substring(0, serviceModule.indexOf('-'));
    }
}
