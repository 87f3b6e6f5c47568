package clinic.migraine.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on real components: Kafka, the schema registry, Postgres, mail and the services whose
 * jars are built. Started in dependency order, each waited for until healthy; closed in reverse order.
 */
public final class Stack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stack.class);
    private static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(90);
    /** How long a service may take to be healthy; {@code -Dclinic.stack.service-timeout=300s} on a busy machine. */
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getProperty("clinic.stack.service-timeout", "120s").replaceAll("s$", "")));

    private final StackConfig config;
    private final Consumer<String> progress;
    private final long createdAt = System.nanoTime();
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ServiceProcess> services = Collections.synchronizedMap(new LinkedHashMap<>());
    private final ExecutorService archiving = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "class-data-archives");
        thread.setDaemon(true);
        return thread;
    });
    private KafkaBrokerProcess kafka;
    private SchemaRegistryProcess registry;
    private PostgresServer postgres;
    private MailServer mail;
    private long infrastructureMillis;
    private final Thread stopAtExit = new Thread(this::close, "stack-stop-at-exit");
    private boolean closed;

    private Stack(StackConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    public static Stack start(StackConfig config) {
        return start(config, line -> {
        });
    }

    /** Starts everything, telling {@code progress} of each component as it becomes ready. */
    public static Stack start(StackConfig config, Consumer<String> progress) {
        Stack stack = new Stack(config, progress);
        Runtime.getRuntime().addShutdownHook(stack.stopAtExit);
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
        ready("Postgres", "localhost:" + postgres.port());
        mail = track(MailServer.start(config.smtpPort(), config.imapPort()));
        ready("Mail", "SMTP localhost:" + mail.smtpPort() + ", IMAP localhost:" + mail.imapPort());
        kafka.awaitReady(INFRASTRUCTURE_TIMEOUT);
        ready("Kafka", kafka.bootstrapServers());
        List<String> topics = KafkaTopics.names(KafkaTopics.file(config.projectRoot()));
        KafkaTopics.create(kafka.bootstrapServers(), topics, partitions());
        ready("Topics", topics.size() + " topics, " + partitions() + " partitions each");
        registry.awaitReady(INFRASTRUCTURE_TIMEOUT);
        ready("Schema registry", registry.ccompatUrl());
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

    /** The partition count of every topic: the services' clinic.kafka.partitions, 6 unless the caller says. */
    public int partitions() {
        return Integer.parseInt(config.serviceProperties().getOrDefault(KafkaTopics.PARTITIONS_PROPERTY,
                String.valueOf(KafkaTopics.DEFAULT_PARTITIONS)));
    }

    private void ready(String component, String where) {
        progress.accept(String.format("%6.1f s  %-22s ready  %s", (System.nanoTime() - createdAt) / 1e9, component,
                where));
    }

    /** Fault injection: stops the broker (services keep running and must recover once it is back). */
    public void stopKafka() {
        started.remove(kafka);
        kafka.close();
    }

    /** Fault injection: kill -9 of the broker, no clean shutdown (the next start recovers its logs). */
    public void killKafka() {
        started.remove(kafka);
        kafka.process().kill();
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

    /**
     * The first instance of each service together, then (with replicas) the second ones together, and so on: on a
     * small machine eight services starting at once each take longer than all of them in two waves.
     */
    private void startServices() {
        List<List<String>> ordered = new ArrayList<>();
        config.services().keySet().forEach(instance -> {
            int wave = instance.equals(StackConfig.module(instance)) ? 0
                    : Integer.parseInt(instance.substring(instance.lastIndexOf('-') + 1)) - 1;
            while (ordered.size() <= wave) {
                ordered.add(new ArrayList<>());
            }
            ordered.get(wave).add(instance);
        });
        for (List<String> wave : ordered) {
            startTogether(wave);
        }
        archiveClassData(new ArrayList<>(services.values()));
    }

    private void startTogether(List<String> instances) {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (String instance : instances) {
            String module = StackConfig.module(instance);
            if (!java.nio.file.Files.isRegularFile(ServiceProcess.jar(config.projectRoot(), module))) {
                log.warn("{} is not built; skipping it", module);
                continue;
            }
            ServiceProcess service = track(launch(instance, serviceProperties(module), config.serviceJvmOptions()));
            services.put(instance, service);
            ready.add(CompletableFuture.runAsync(() -> {
                service.awaitReady(SERVICE_TIMEOUT);
                ready(instance, service.baseUrl());
            }));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * A first start (or the first after a rebuild) builds each service's class-data archive once everything is
     * ready, one service after the other in the background: the stack is usable meanwhile, no stop waits for an
     * archive (closing the stack abandons one being built), and the next start maps those that were finished.
     */
    private void archiveClassData(List<ServiceProcess> started) {
        List<ServiceProcess> recording = started.stream().filter(ServiceProcess::recordsClassData).toList();
        if (recording.isEmpty()) {
            return;
        }
        archiving.execute(() -> {
            long archives = recording.stream().filter(ServiceProcess::recordClassData).count();
            if (!Thread.currentThread().isInterrupted()) {
                ready("Class-data archives", archives + " of " + recording.size() + " built; the next start maps them");
            }
        });
    }

    /**
     * Waits until the class-data archives a first start is building are written (at once when none is), so that a
     * measurement does not share the cores with them; false if {@code timeout} passed first.
     */
    public boolean awaitClassDataArchives(Duration timeout) throws InterruptedException {
        try {
            archiving.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            return true;
        }
    }

    /** One instance of a service; a second instance keeps its own class-data archive. */
    private ServiceProcess launch(String instance, Map<String, String> properties, List<String> jvmOptions) {
        String module = StackConfig.module(instance);
        Path classData = config.classDataDirectory() == null || instance.equals(module) ? config.classDataDirectory()
                : config.classDataDirectory().resolve(instance);
        return ServiceProcess.start(config.projectRoot(), module, config.services().get(instance), properties,
                jvmOptions, config.logDirectory().resolve(instance + ".log"), classData);
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
        properties.put(KafkaTopics.PARTITIONS_PROPERTY, String.valueOf(partitions()));
        properties.putAll(config.serviceProperties());
        return properties;
    }

    /** Restarts one service instance (after a crash test killed it) with the same settings. */
    public ServiceProcess restart(String instance) {
        return restart(instance, Map.of());
    }

    /**
     * Restarts one service instance ("scheduling-service", or "scheduling-service-2" for the second) with the same
     * settings and these properties on top (e.g. another mail server).
     */
    public ServiceProcess restart(String instance, Map<String, String> overrides) {
        return restart(instance, overrides, List.of());
    }

    /**
     * Restarts one service instance with these properties on top and these JVM options after the stack's own (a
     * later option wins: e.g. a larger heap limit for one measurement).
     */
    public ServiceProcess restart(String instance, Map<String, String> overrides, List<String> extraJvmOptions) {
        Map<String, String> properties = serviceProperties(StackConfig.module(instance));
        properties.putAll(overrides);
        List<String> jvm = new ArrayList<>(config.serviceJvmOptions());
        jvm.addAll(extraJvmOptions);
        ServiceProcess old = services.get(instance);
        if (old != null) {
            old.close();
            started.remove(old);
        }
        ServiceProcess service = track(launch(instance, properties, jvm));
        services.put(instance, service);
        service.awaitReady(SERVICE_TIMEOUT);
        archiveClassData(List.of(service));
        return service;
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

    /** Every running service instance by its name: the module's for the first, "-2" and on for the others. */
    public Map<String, ServiceProcess> services() {
        return Collections.unmodifiableMap(services);
    }

    public StackConfig config() {
        return config;
    }

    /**
     * Stops the services, then everything they depend on; once (later calls return at once, a concurrent one once it
     * is done). A JVM that exits without calling it (Ctrl-C, SIGTERM, a test run's end) calls it on its way out, so
     * Postgres and the broker outlive the services' own graceful stop.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is on its way out (this may be the hook itself): stop now all the same
        }
        archiving.shutdownNow();
        List<ServiceProcess> running = new ArrayList<>(services.values());
        CompletableFuture.allOf(running.stream()
                .map(service -> CompletableFuture.runAsync(service::close))
                .toArray(CompletableFuture[]::new)).join();
        started.removeAll(running);
        // nothing else depends on Kafka, the registry, Postgres or mail once the services are gone: all at once
        List<AutoCloseable> rest = new ArrayList<>(started);
        CompletableFuture.allOf(rest.stream().map(component -> CompletableFuture.runAsync(() -> {
            try {
                component.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
            }
        })).toArray(CompletableFuture[]::new)).join();
        started.clear();
    }
}
