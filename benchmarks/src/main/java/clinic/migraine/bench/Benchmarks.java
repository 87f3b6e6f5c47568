package clinic.migraine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.events.EventTopic;
import clinic.migraine.stack.ServiceProcess;
import clinic.migraine.testsupport.KafkaOffsets;
import clinic.migraine.testsupport.RunningSystem;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code ./run-benchmarks [--quick]}: starts the system on free ports, measures the raw-Kafka reference, the
 * pipeline at rising arrival rates, booking contention and the footprint in one run, and writes
 * {@code target/benchmarks/report.md}, {@code report.json} and PNG charts.
 */
public final class Benchmarks {

    /** What one run does; {@link #quick()} and {@link #full()} are the two documented sizes. */
    public record Plan(String name, int referenceRecords, List<Integer> rates, int secondsPerRate, int drainSeconds,
            int contentionRounds, int contentionClients, int contentionSlots, int providers) {

        public static Plan quick() {
            return new Plan("quick", 50_000, List.of(25, 50, 100), 10, 60, 3, 50, 10, 12);
        }

        public static Plan full() {
            return new Plan("full", 300_000, List.of(25, 50, 100, 200, 400), 30, 120, 20, 50, 10,
                    40);
        }
    }

    public record Footprint(String service, double secondsToReady, long rssMebibytes) {
    }

    public record Results(Plan plan, String machine, List<String> serviceJvm, double stackReadySeconds,
            Reference.Result reference,
            List<Pipeline.Step> pipeline, Contention.Result contention, List<Footprint> footprint) {
    }

    /** The services' JVM options, as ./run-local starts them unless --service-jvm="..." says otherwise. */
    static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public static void main(String[] args) throws Exception {
        Plan plan = List.of(args).contains("--quick") ? Plan.quick() : Plan.full();
        List<String> jvm = List.of(args).stream().filter(arg -> arg.startsWith("--service-jvm=")).findFirst()
                .map(arg -> List.of(arg.substring("--service-jvm=".length()).trim().split("\\s+"))).orElse(SERVICE_JVM);
        Path output = Path.of("target/benchmarks");
        Results results = run(plan, output, jvm);
        System.out.println(Files.readString(output.resolve("report.md")));
        System.exit(results.pipeline().isEmpty() ? 1 : 0);
    }

    /** Runs the plan against a freshly started system and writes the report into the folder. */
    public static Results run(Plan plan, Path output, List<String> serviceJvm) throws Exception {
        Files.createDirectories(output);
        long started = System.nanoTime();
        try (RunningSystem system = RunningSystem.start(output.resolve("stack-logs").toAbsolutePath(),
                clinicWithProviders(plan.providers()), serviceJvm);
                KafkaOffsets kafka = new KafkaOffsets(system.stack().kafka().bootstrapServers())) {
            double stackReady = (System.nanoTime() - started) / 1e9;
            System.out.printf("System ready in %.1f s; contention ...%n", stackReady);
            Contention.Result contention = Contention.run(system.scheduling, "bench-1", plan.contentionRounds(),
                    plan.contentionClients(), plan.contentionSlots());
            List<Pipeline.Step> steps = new ArrayList<>();
            try (Pipeline pipeline = new Pipeline(system, kafka)) {
                for (int rate : plan.rates()) {
                    System.out.printf("Pipeline at %d referrals/s for %d s ...%n", rate, plan.secondsPerRate());
                    steps.add(pipeline.run(rate, plan.secondsPerRate(), Duration.ofSeconds(plan.drainSeconds())));
                }
            }
            System.out.println("Reference ...");
            Reference.Result reference = Reference.run(system.stack().kafka().bootstrapServers(), plan.referenceRecords(),
                    averageEventBytes(system.stack().kafka().bootstrapServers(), kafka));
            List<Footprint> footprint = new ArrayList<>();
            for (ServiceProcess service : system.stack().services().values()) {
                footprint.add(new Footprint(service.name(), secondsToReady(service), service.process().rssMebibytes()));
            }
            Results results = new Results(plan, machine(), serviceJvm, stackReady, reference, steps, contention, footprint);
            Report.write(results, output);
            return results;
        }
    }

    /**
     * The demo clinic has two injectors, a few thousand slots in the 26-week horizon: far fewer than the
     * referrals a full run books. The benchmark clinic has many injectors working around the clock, so the
     * calendar is never what runs out.
     */
    static Map<String, String> clinicWithProviders(int providers) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < providers; i++) {
            String prefix = "clinic.scheduling.providers[" + i + "].";
            properties.put(prefix + "id", "bench-" + (i + 1));
            properties.put(prefix + "name", "Bench Injector " + (i + 1));
            properties.put(prefix + "location", "Marina Del Rey");
            for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                properties.put(prefix + "hours." + day + "[0]", "00:00-23:30");
            }
        }
        return properties;
    }

    /** The average size of the events the pipeline wrote (registry framing plus Avro binary), sampled per topic. */
    private static int averageEventBytes(String bootstrapServers, KafkaOffsets kafka) {
        long bytes = 0;
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-sizes-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(kafka.eventTopics().stream().filter(topic -> EventTopic.forTopicName(topic).isPresent())
                    .toList());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (records < 5_000 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    bytes += record.serializedValueSize();
                    records++;
                }
            }
        }
        return records == 0 ? 300 : (int) (bytes / records);
    }

    private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private static double secondsToReady(ServiceProcess service) {
        try {
            Matcher started = STARTED.matcher(Files.readString(service.process().logFile()));
            double seconds = -1;
            while (started.find()) {
                seconds = Double.parseDouble(started.group(2));
            }
            return seconds;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private Benchmarks() {
    }
}
