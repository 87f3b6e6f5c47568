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
 * @param services service module name → port, in start order
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

    public static StackConfig defaults(Path projectRoot, Path stateDirectory) {
        return new StackConfig(projectRoot, stateDirectory.resolve("data"), stateDirectory.resolve("logs"),
                9092, 9093, 8081, 5432, 1025, 1143, SERVICE_PORTS, Map.of("spring.profiles.active", "local"),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), stateDirectory.resolve("cds"));
    }

    private static Map<String, Integer> orderedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("intake-service", 8091);
        ports.put("eligibility-service", 8092);
        ports.put("scheduling-service", 8093);
        ports.put("followup-service", 8094);
        return java.util.Collections.unmodifiableMap(ports);
    }

    static String database(String serviceModule) {
        return serviceModule.substring(0, serviceModule.indexOf('-'));
    }
}
