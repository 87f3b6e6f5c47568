package clinic.migraine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import clinic.migraine.events.AppointmentBooked;
import clinic.migraine.events.EventTopic;
import clinic.migraine.serde.ConfluentAvroDeserializer;
import clinic.migraine.serde.SerdeConfig;
import clinic.migraine.stack.Stack;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.KafkaOffsets;
import clinic.migraine.testsupport.RunningSystem;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Referrals POSTed to intake at a fixed arrival rate (open loop: referral i is due at t0 + i/rate whatever the
 * answers before it did, and latency counted from that instant shows any queueing in front of intake), each
 * followed to its AppointmentBooked record on the topic, read with the project's deserializer and matched by
 * referral id. accepted → booked runs from intake's 201 to the booked record's timestamp (when scheduling's
 * outbox published it); planned → booked from the planned send instant.
 */
final class Pipeline implements AutoCloseable {

    /** The local profile's demo intake account, as intake staff's client would sign in. */
    private static final String AS_INTAKE = Api.basic("intake", Api.DEMO_PASSWORD);

    /**
     * One arrival rate.
     *
     * @param secondsAfterLastSend from the last send until every referral was booked and every consumer group
     *        caught up; -1 if that did not happen within the drain time
     * @param lagWhileSending the services' consumer groups' total lag, sampled every second from the first send
     *        until the last (the last sample right after it)
     * @param lagBound the highest lag a sustained rate may show while sending ({@link Verdicts#lagBound})
     * @param lagAfterSending records each consumer group had not read when the last referral was sent: where the
     *        backlog builds up
     * @param cpuSeconds CPU seconds each process used from the first send until done ({@link ProcessCpu})
     */
    record Step(String label, int offeredPerSecond, int submitted, double sendSeconds, int accepted, int httpErrors,
            Map<String, Integer> errorKinds, int booked, int notBooked, Percentiles httpResponse,
            Percentiles acceptedToBooked, Percentiles plannedToBooked, long events, double eventsPerReferral,
            double eventsPerSecond, double secondsUntilDone, boolean drained, double secondsAfterLastSend,
            List<Long> lagWhileSending, long lagBound, Map<String, Long> lagAfterSending, long lagAtEnd,
            Verdicts.Verdict sustainedVerdict, Map<String, Double> cpuSeconds) {

        boolean sustained() {
            return sustainedVerdict.met();
        }

        long maxLagWhileSending() {
            return lagWhileSending.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        /** Referrals booked per second from the first send until done. */
        double bookedPerSecond() {
            return secondsUntilDone <= 0 ? 0 : Math.round(booked / secondsUntilDone * 10) / 10.0;
        }

        /** CPU seconds per 1,000 accepted referrals, by process. */
        Map<String, Double> cpuSecondsPerThousand() {
            Map<String, Double> per = new java.util.LinkedHashMap<>();
            cpuSeconds.forEach((name, seconds) -> per.put(name, accepted == 0 ? 0
                    : Math.round(seconds * 1000.0 / accepted * 10) / 10.0));
            return per;
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private record Sent(long plannedMillis, long acceptedMillis) {
    }

    private final String intakeUrl;
    private final ProcessCpu cpu;
    private final KafkaOffsets offsets;
    private final Admin admin;
    private volatile double lagRecordsPerReferral;
    private final List<String> topics = Stream.of(EventTopic.values()).map(EventTopic::topicName).toList();
    private final Map<String, Long> bookedAt = new ConcurrentHashMap<>();
    private final java.util.Set<String> everAccepted = ConcurrentHashMap.newKeySet();
    private final AtomicLong bookedTwice = new AtomicLong();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(httpThreads).build();

    Pipeline(Stack stack, ProcessCpu cpu) {
        this.cpu = cpu;
        intakeUrl = stack.services().get("intake-service").baseUrl();
        String bootstrap = stack.kafka().bootstrapServers();
        offsets = new KafkaOffsets(bootstrap);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-booked-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, stack.registry().ccompatUrl()));
        consumer.subscribe(List.of(EventTopic.APPOINTMENT_BOOKED.topicName()));
        Thread watcher = new Thread(() -> {
            try (consumer) {
                while (watching.get()) {
                    for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(50))) {
                        if (record.value() instanceof AppointmentBooked booked && booked.getCycle() == 1
                                && bookedAt.putIfAbsent(booked.getReferralId().toString(), record.timestamp()) != null) {
                            bookedTwice.incrementAndGet();
                        }
                    }
                }
            }
        }, "booked-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Sends {@code total} referrals at {@code perSecond}, then waits up to {@code drain} after the last send for
     * every answer, every accepted referral to be booked and every consumer group to catch up. The groups' lag is
     * sampled every second while sending, and each process's CPU time read before and after.
     */
    Step run(String label, int perSecond, int total, Duration drain) {
        Map<String, Sent> accepted = new ConcurrentHashMap<>();
        Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
        Latencies httpResponse = new Latencies();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        long eventsBefore = offsets.records(existing(topics));
        long consumedBefore = consumedByGroups();
        Map<String, Double> cpuBefore = cpu.snapshot();
        List<Long> lagWhileSending = new CopyOnWriteArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sending.get()) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                if (sending.get()) {
                    lagWhileSending.add(totalLag());
                    cpu.sampleMailThreads();
                }
            }
        }, "lag-sampler");
        sampler.setDaemon(true);
        long periodNanos = 1_000_000_000L / Math.max(1, perSecond);
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        sampler.start();
        for (int i = 0; i < total; i++) {
            long planned = startNanos + i * periodNanos;
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long plannedMillis = startMillis + (planned - startNanos) / 1_000_000;
            HttpRequest request = referral();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                long now = System.currentTimeMillis();
                httpResponse.recordMillis(now - plannedMillis);
                Matcher id = response == null ? null : ID.matcher(response.body());
                if (response != null && (response.statusCode() == 201 || response.statusCode() == 202) && id.find()) {
                    accepted.put(id.group(1), new Sent(plannedMillis, now));
                    everAccepted.add(id.group(1));
                } else {
                    errorKinds.merge(response != null ? "HTTP " + response.statusCode() : kind(failure), 1, Integer::sum);
                }
                return null;
            }));
        }
        long lastSent = System.nanoTime();
        sending.set(false);
        double sendSeconds = (lastSent - startNanos) / 1e9;
        Map<String, Long> lagAfterSending = lagByGroup();
        lagWhileSending.add(lagAfterSending.values().stream().mapToLong(Long::longValue).sum());
        long deadline = lastSent + drain.toNanos();
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // counted below: an answer that never came is neither accepted nor an error yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long lag = -1;
        boolean drained = false;
        while (System.nanoTime() < deadline) {
            if (answers.stream().allMatch(CompletableFuture::isDone)
                    && accepted.keySet().stream().allMatch(bookedAt::containsKey)) {
                lag = offsets.lag();
                if (lag == 0) {
                    drained = true;
                    break;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        long doneNanos = System.nanoTime();
        Map<String, Double> cpuUsed = ProcessCpu.difference(cpuBefore, cpu.snapshot());
        long events = offsets.records(existing(topics)) - eventsBefore;
        long consumed = consumedByGroups() - consumedBefore;
        if (!drained) {
            lag = offsets.lag();
        }
        Latencies fromAccepted = new Latencies();
        Latencies fromPlanned = new Latencies();
        int booked = 0;
        for (Map.Entry<String, Sent> referral : accepted.entrySet()) {
            Long at = bookedAt.get(referral.getKey());
            if (at != null) {
                booked++;
                fromAccepted.recordMillis(at - referral.getValue().acceptedMillis());
                fromPlanned.recordMillis(at - referral.getValue().plannedMillis());
            }
        }
        if (drained && lagRecordsPerReferral == 0 && !accepted.isEmpty()) {
            // the first step that drains (the warm-up) says how many records the groups read per referral
            lagRecordsPerReferral = (double) consumed / accepted.size();
        }
        int errors = errorKinds.values().stream().mapToInt(Integer::intValue).sum();
        double secondsUntilDone = (doneNanos - startNanos) / 1e9;
        double afterLastSend = drained ? round((doneNanos - lastSent) / 1e9) : -1;
        long lagBound = Verdicts.lagBound(perSecond, lagRecordsPerReferral);
        Verdicts.Verdict sustained = Verdicts.sustained(total, accepted.size(), errors, booked,
                lagWhileSending.stream().mapToLong(Long::longValue).max().orElse(0), lagBound, afterLastSend);
        return new Step(label, perSecond, total, round(sendSeconds), accepted.size(), errors, new TreeMap<>(errorKinds),
                booked, accepted.size() - booked, httpResponse.percentiles(), fromAccepted.percentiles(),
                fromPlanned.percentiles(), events, accepted.isEmpty() ? 0 : round((double) events / accepted.size()),
                round(events / secondsUntilDone), round(secondsUntilDone), drained, afterLastSend,
                List.copyOf(lagWhileSending), lagBound, lagAfterSending, lag, sustained, cpuUsed);
    }

    /**
     * One referral POSTed and its answer awaited (for the idle-stack scenario, one after another): counted with
     * every other referral intake accepted.
     *
     * @return its id and the instants the request was sent and the 201 came back
     * @throws IllegalStateException on any other answer
     */
    Submitted submit() {
        long sent = System.currentTimeMillis();
        HttpResponse<String> response;
        try {
            response = http.send(referral(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("referral not submitted: " + kind(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        long answered = System.currentTimeMillis();
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("referral not accepted: HTTP " + response.statusCode());
        }
        everAccepted.add(id.group(1));
        return new Submitted(id.group(1), sent, answered);
    }

    /** A referral intake accepted: its id, when it was sent and when the 201 came (epoch milliseconds). */
    record Submitted(String referralId, long sentMillis, long answeredMillis) {
    }

    /** The instant intake received the referral (its {@code receivedAt}), epoch milliseconds. */
    long receivedAt(String referralId) {
        Api.Answer answer = new Api(intakeUrl).get("/api/referrals/" + referralId);
        if (answer.status() != 200) {
            throw new IllegalStateException("referral " + referralId + " not readable at intake: HTTP "
                    + answer.status());
        }
        return OffsetDateTime.parse(answer.read("$.receivedAt").toString()).toInstant().toEpochMilli();
    }

    /** The timestamp of the referral's first-cycle AppointmentBooked record, if it has been seen. */
    Long bookedAt(String referralId) {
        return bookedAt.get(referralId);
    }

    /** An eligible referral with its own Idempotency-Key and e-mail, as intake staff's client would send it. */
    private HttpRequest referral() {
        String key = "bench-" + UUID.randomUUID();
        return HttpRequest.newBuilder(URI.create(intakeUrl + "/api/referrals"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .header("Authorization", AS_INTAKE)
                .POST(HttpRequest.BodyPublishers.ofString(RunningSystem.eligibleReferral(key + "@example.org")))
                .build();
    }

    /** Records the services' consumer groups read per referral (all groups together), from the warm-up. */
    double lagRecordsPerReferral() {
        return lagRecordsPerReferral;
    }

    /** Every referral intake accepted in any step, even if its answer came after the step ended. */
    int everAccepted() {
        return everAccepted.size();
    }

    /** Of those, how many have been booked by now. */
    int everBooked() {
        return (int) everAccepted.stream().filter(bookedAt::containsKey).count();
    }

    /**
     * Waits until every accepted referral is booked and every consumer group has caught up (a rate that was not
     * sustained leaves a backlog), at most {@code max}; returns the seconds it took, or -1 if it did not settle.
     */
    double settle(Duration max) {
        long started = System.nanoTime();
        long deadline = started + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (everBooked() == everAccepted() && offsets.lag() == 0) {
                return round((System.nanoTime() - started) / 1e9);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        return -1;
    }

    long bookedTwice() {
        return bookedTwice.get();
    }

    /** intake's count of referrals whose status is SCHEDULED, or -1. */
    static long scheduledAtIntake(String intakeUrl) {
        Api.Answer answer = new Api(intakeUrl).get("/api/referrals?status=SCHEDULED&size=1");
        return answer.status() == 200 ? ((Number) answer.read("$.total")).longValue() : -1;
    }

    private long totalLag() {
        try {
            return offsets.lag();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The offsets the services' consumer groups have committed, summed: the records they have read so far. */
    private long consumedByGroups() {
        long sum = 0;
        for (String group : KafkaOffsets.GROUPS) {
            try {
                for (OffsetAndMetadata offset : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).values()) {
                    sum += offset == null ? 0 : offset.offset();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sum;
            } catch (ExecutionException | TimeoutException e) {
                // a group that has not committed yet has read nothing
            }
        }
        return sum;
    }

    /** Records each service's consumer group has not read yet, over the event topics. */
    private Map<String, Long> lagByGroup() {
        try {
            return offsets.lagByGroup();
        } catch (RuntimeException e) {
            return new TreeMap<>();  // a figure for the report only
        }
    }

    private Collection<String> existing(List<String> names) {
        Collection<String> present = offsets.topics();
        return names.stream().filter(present::contains).toList();
    }

    private static String kind(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        return cause instanceof HttpTimeoutException ? "timeout" : cause == null ? "unknown" : cause.getClass().getSimpleName();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    @Override
    public void close() {
        watching.set(false);
        httpThreads.shutdownNow();
        offsets.close();
        admin.close();
    }
}
