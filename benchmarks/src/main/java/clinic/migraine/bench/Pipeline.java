package clinic.migraine.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.EventTopic;
import clinic.migraine.serde.ConfluentAvroDeserializer;
import clinic.migraine.serde.SerdeConfig;
import clinic.migraine.testsupport.KafkaOffsets;
import clinic.migraine.testsupport.RunningSystem;
import org.HdrHistogram.Histogram;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Referrals at a fixed arrival rate (open loop: each is sent at its planned instant whatever the answers before
 * it did) into intake, followed to the AppointmentBooked event on the topic. Latency runs from the moment intake
 * accepted the referral (its 201) to the moment scheduling published the booking (the record's timestamp);
 * the planned send instant gives the same figure including any queueing in front of intake.
 */
final class Pipeline implements AutoCloseable {

    record Step(int offeredPerSecond, int seconds, int submitted, int accepted, int errors, int booked,
            Percentiles acceptedToBooked, Percentiles plannedToBooked, double eventsPerSecond, long lagAtEnd,
            boolean sustained) {
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private record Sent(long plannedMillis, long acceptedMillis) {
    }

    private final RunningSystem system;
    private final KafkaOffsets kafka;
    private final Map<String, Long> bookedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread watcher;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(httpThreads).build();

    Pipeline(RunningSystem system, KafkaOffsets kafka) {
        this.system = system;
        this.kafka = kafka;
        KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-booked-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, system.stack().registry().ccompatUrl()));
        consumer.subscribe(List.of(EventTopic.APPOINTMENT_BOOKED.topicName()));
        watcher = new Thread(() -> {
            try (consumer) {
                while (watching.get()) {
                    for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(100))) {
                        if (record.value() instanceof AppointmentBooked booked && booked.getCycle() == 1) {
                            bookedAt.putIfAbsent(booked.getReferralId().toString(), record.timestamp());
                        }
                    }
                }
            }
        }, "booked-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** One rate for the given time, then up to {@code drain} for every accepted referral to be booked. */
    Step run(int perSecond, int seconds, Duration drain) {
        Map<String, Sent> accepted = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        long recordsBefore = kafka.records(kafka.eventTopics());
        int total = perSecond * seconds;
        long periodNanos = 1_000_000_000L / perSecond;
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        for (int i = 0; i < total; i++) {
            long planned = startNanos + i * periodNanos;
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long plannedMillis = startMillis + (planned - startNanos) / 1_000_000;
            HttpRequest request = HttpRequest.newBuilder(URI.create(system.intake.baseUrl() + "/api/referrals"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(RunningSystem.eligibleReferral(
                            "bench-" + UUID.randomUUID() + "@example.org")))
                    .build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                Matcher id = response == null ? null : ID.matcher(response.body());
                if (response != null && response.statusCode() == 201 && id.find()) {
                    accepted.put(id.group(1), new Sent(plannedMillis, System.currentTimeMillis()));
                } else {
                    errors.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline && !accepted.keySet().stream().allMatch(bookedAt::containsKey)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        long lastBooked = accepted.keySet().stream().map(bookedAt::get).filter(t -> t != null)
                .mapToLong(Long::longValue).max().orElse(System.currentTimeMillis());
        double elapsedSeconds = Math.max(1, lastBooked - startMillis) / 1000.0;
        long events = kafka.records(kafka.eventTopics()) - recordsBefore;
        Histogram fromAccepted = new Histogram(3_600_000_000L, 3);
        Histogram fromPlanned = new Histogram(3_600_000_000L, 3);
        int booked = 0;
        for (Map.Entry<String, Sent> referral : accepted.entrySet()) {
            Long at = bookedAt.get(referral.getKey());
            if (at != null) {
                booked++;
                fromAccepted.recordValue(Math.max(0, at - referral.getValue().acceptedMillis()) * 1000);
                fromPlanned.recordValue(Math.max(0, at - referral.getValue().plannedMillis()) * 1000);
            }
        }
        long lag = kafka.lag();
        boolean sustained = errors.get() == 0 && booked == accepted.size()
                && elapsedSeconds <= seconds * 1.5 + 2;
        return new Step(perSecond, seconds, total, accepted.size(), errors.get(), booked,
                Percentiles.ofMicros(fromAccepted), Percentiles.ofMicros(fromPlanned), events / elapsedSeconds, lag,
                sustained);
    }

    @Override
    public void close() {
        watching.set(false);
        httpThreads.shutdownNow();
    }
}
