package clinic.migraine.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on real components: Kafka, the schema registry, Postgres, mail and the services whose
 * jars are built. Started in dependency order, each waited for until healthy; closed in reverse order.
 */
public final class Stack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stack.class);
    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(120);

    private final StackConfig config;
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ServiceProcess> services = Collections.synchronizedMap(new LinkedHashMap<>());
    private KafkaBrokerProcess kafka;
    private SchemaRegistryProcess registry;
    private PostgresServer postgres;
    private MailServer mail;
    private long infrastructureMillis;

    private Stack(StackConfig config) {
        this.config = config;
    }

    public static Stack start(StackConfig config) {
        Stack stack = new Stack(config);
        try {
            stack.startInfrastructure();
            stack.startServices();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure() {
        long startedAt = System.nanoTime();
        Path data = config.dataDirectory();
        kafka = track(launchKafka());
        registry = track(launchRegistry());
        postgres = track(PostgresServer.start(config.postgresPort(), data == null ? null : data.resolve("postgres"),
                PostgresServer.SERVICE_DATABASES));
        mail = track(MailServer.start(config.smtpPort(), config.imapPort()));
        kafka.awaitReady(INFRASTRUCTURE_TIMEOUT);
        registry.awaitReady(INFRASTRUCTURE_TIMEOUT);
        infrastructureMillis = (System.nanoTime() - startedAt) / 1_000_000;
    }

    private KafkaBrokerProcess launchKafka() {
        Path data = config.dataDirectory();
        return KafkaBrokerProcess.start(config.projectRoot().resolve("platform/kafka-broker"), config.kafkaPort(),
                config.kafkaControllerPort(), data == null ? config.logDirectory().resolve("kafka-data") : data.resolve("kafka"),
                config.logDirectory().resolve("kafka.log"));
    }

    private SchemaRegistryProcess launchRegistry() {
        Path data = config.dataDirectory();
        return SchemaRegistryProcess.start(registryJar(config.projectRoot()), config.registryPort(),
                data == null ? null : data.resolve("registry"), config.logDirectory().resolve("schema-registry.log"));
    }

    /** Fault injection: stops the broker (services keep running and must recover once it is back). */
    public void stopKafka() {
        started.remove(kafka);
        kafka.close();
    }

    /** Starts the broker again on the same port and data. */
    public void startKafka() {
        kafka = track(launchKafka()).awaitReady(INFRASTRUCTURE_TIMEOUT);
    }

    /** Fault injection: stops the schema registry. */
    public void stopRegistry() {
        started.remove(registry);
        registry.close();
    }

    /** Starts the registry again on the same port and data. */
    public void startRegistry() {
        registry = track(launchRegistry()).awaitReady(INFRASTRUCTURE_TIMEOUT);
    }

    /** How long Kafka, the registry, Postgres and mail took to be ready. */
    public long infrastructureMillis() {
        return infrastructureMillis;
    }

    private void startServices() {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        config.services().forEach((module, port) -> {
            if (!java.nio.file.Files.isRegularFile(ServiceProcess.jar(config.projectRoot(), module))) {
                log.warn("{} is not built; skipping it", module);
                return;
            }
            ServiceProcess service = track(ServiceProcess.start(config.projectRoot(), module, port,
                    serviceProperties(module), config.serviceJvmOptions(),
                    config.logDirectory().resolve(module + ".log"), config.classDataDirectory()));
            services.put(module, service);
            ready.add(CompletableFuture.runAsync(() -> service.awaitReady(SERVICE_TIMEOUT)));
        });
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    /** The properties a service needs to find the stack; the caller's extra properties win. */
    public Map<String, String> serviceProperties(String module) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl(StackConfig.database(module)));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers());
        properties.put("clinic.schema-registry.url", registry.ccompatUrl());
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(mail.smtpPort()));
        properties.putAll(config.serviceProperties());
        return properties;
    }

    /** Restarts one service (after a crash test killed it) with the same settings. */
    public ServiceProcess restart(String module) {
        return restart(module, Map.of());
    }

    /** Restarts one service with the same settings and these properties on top (e.g. another mail server). */
    public ServiceProcess restart(String module, Map<String, String> overrides) {
        return restart(module, overrides, List.of());
    }

    /**
     * Restarts one service with these properties on top and these JVM options after the stack's own (a later
     * option wins: e.g. a larger heap limit for one measurement).
     */
    public ServiceProcess restart(String module, Map<String, String> overrides, List<String> extraJvmOptions) {
        Map<String, String> properties = serviceProperties(module);
        properties.putAll(overrides);
        List<String> jvm = new ArrayList<>(config.serviceJvmOptions());
        jvm.addAll(extraJvmOptions);
        ServiceProcess old = services.get(module);
        if (old != null) {
            old.close();
            started.remove(old);
        }
        ServiceProcess service = track(ServiceProcess.start(config.projectRoot(), module, config.services().get(module),
                properties, jvm, config.logDirectory().resolve(module + ".log"), config.classDataDirectory()));
        services.put(module, service);
        return service.awaitReady(SERVICE_TIMEOUT);
    }

    public static Path registryJar(Path projectRoot) {
        String configured = System.getProperty(SchemaRegistryProcess.JAR_PROPERTY);
        return configured != null ? Path.of(configured)
                : projectRoot.resolve("platform/schema-registry/registry-app/target/schema-registry-runner.jar");
    }

    private <T extends AutoCloseable> T track(T component) {
        started.add(component);
        return component;
    }

    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    public SchemaRegistryProcess registry() {
        return registry;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public MailServer mail() {
        return mail;
    }

    public Map<String, ServiceProcess> services() {
        return Collections.unmodifiableMap(services);
    }

    public StackConfig config() {
        return config;
    }

    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        CompletableFuture.allOf(running.stream()
                .map(service -> CompletableFuture.runAsync(service::close))
                .toArray(CompletableFuture[]::new)).join();
        started.removeAll(running);
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (AutoCloseable component : reverse) {
            try {
                component.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}
