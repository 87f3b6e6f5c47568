package clinic.migraine.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import clinic.migraine.events.EventTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The started stack with nothing else to do, as a new user meets it: one referral after another, each sent once the
 * one before it is booked. accepted → booked runs from the instant intake accepted the referral (the
 * {@code receivedAt} intake shows for it) to the timestamp of the referral's AppointmentBooked record, as in
 * {@link Pipeline}. Not from the 201's arrival at this client: on a busy machine that can come after the booking was
 * published (seen 12 times in 50 under a load of 65 on 2 cores). The first referral after the start is kept apart
 * (it pays for every first: connections, lazily built beans, code run for the first time); the verdict is over
 * the ones after it.
 *
 * <p>Each referral is also traced through its hops by the timestamps of its records (the key is the referral id):
 * intake (POST sent → ReferralSubmitted published by intake's outbox relay), eligibility (→ EligibilityDetermined
 * published) and scheduling (→ AppointmentBooked published). The timestamps are the producers' send instants on
 * this machine's clock, so the hops add up to POST → booked.
 */
final class IdleLatency {

    /** The targets: accepted → booked p50 and max over the sequential referrals after the first. */
    static final double P50_TARGET_MILLIS = 150;
    static final double MAX_TARGET_MILLIS = 400;

    /** One referral's way through, in milliseconds; -1 where a record was not seen. */
    record Trace(String referralId, long acceptedToBooked, long intake, long eligibility, long scheduling) {
    }

    /**
     * @param first the first referral after the start, not counted in the percentiles
     * @param notBooked 1 if a referral was not booked within the wait (the scenario stops there), else 0
     */
    record Result(int referrals, Trace first, Percentiles acceptedToBooked, Percentiles intake,
            Percentiles eligibility, Percentiles scheduling, int notBooked, Verdicts.Verdict verdict) {
    }

    private static final List<String> HOPS = List.of(EventTopic.REFERRAL_SUBMITTED.topicName(),
            EventTopic.ELIGIBILITY_DETERMINED.topicName());

    /**
     * Sends one referral, then {@code referrals} more, each after the one before it is booked (at most
     * {@code wait} each).
     */
    static Result run(String bootstrap, Pipeline pipeline, int referrals, Duration wait) {
        Map<String, Long> published = new ConcurrentHashMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-idle-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(HOPS);
        Thread watcher = new Thread(() -> {
            try (consumer) {
                while (watching.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        if (record.key() != null) {
                            published.putIfAbsent(record.topic() + "/" + record.key(), record.timestamp());
                        }
                    }
                }
            }
        }, "idle-hop-watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            Trace first = null;
            Latencies acceptedToBooked = new Latencies();
            Latencies intake = new Latencies();
            Latencies eligibility = new Latencies();
            Latencies scheduling = new Latencies();
            int notBooked = 0;
            for (int i = 0; i <= referrals; i++) {
                Pipeline.Submitted referral = pipeline.submit();
                Long booked = awaitBooked(pipeline, referral.referralId(), wait);
                if (booked == null) {
                    notBooked = 1;
                    break;
                }
                // read once it is booked, so the read does not compete with the referral's way through
                Trace trace = trace(referral, pipeline.receivedAt(referral.referralId()), booked, published, wait);
                if (i == 0) {
                    first = trace;
                    continue;
                }
                acceptedToBooked.recordMillis(trace.acceptedToBooked());
                intake.recordMillis(trace.intake());
                eligibility.recordMillis(trace.eligibility());
                scheduling.recordMillis(trace.scheduling());
            }
            Percentiles measured = acceptedToBooked.percentiles();
            return new Result(referrals, first, measured, intake.percentiles(), eligibility.percentiles(),
                    scheduling.percentiles(), notBooked, Verdicts.idle(referrals, measured, notBooked,
                            P50_TARGET_MILLIS, MAX_TARGET_MILLIS));
        } finally {
            watching.set(false);
        }
    }

    private static Long awaitBooked(Pipeline pipeline, String referralId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Long booked = pipeline.bookedAt(referralId);
        while (booked == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            booked = pipeline.bookedAt(referralId);
        }
        return booked;
    }

    /** The hops from the records' timestamps; the hop records were published before the booked one was. */
    private static Trace trace(Pipeline.Submitted referral, long received, long booked, Map<String, Long> published,
            Duration wait) {
        String id = referral.referralId();
        long deadline = System.nanoTime() + wait.toNanos();
        Long submitted = published.get(HOPS.get(0) + "/" + id);
        Long determined = published.get(HOPS.get(1) + "/" + id);
        while ((submitted == null || determined == null) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            submitted = published.get(HOPS.get(0) + "/" + id);
            determined = published.get(HOPS.get(1) + "/" + id);
        }
        return new Trace(id, booked - received,
                submitted == null ? -1 : submitted - referral.sentMillis(),
                submitted == null || determined == null ? -1 : determined - submitted,
                determined == null ? -1 : booked - determined);
    }

    /** The report's lines for the hops: p50 / max of each. */
    static List<String> hops(Result r) {
        List<String> lines = new ArrayList<>();
        lines.add("intake (POST sent → ReferralSubmitted published) %s".formatted(p50Max(r.intake())));
        lines.add("eligibility (→ EligibilityDetermined published) %s".formatted(p50Max(r.eligibility())));
        lines.add("scheduling (→ AppointmentBooked published) %s".formatted(p50Max(r.scheduling())));
        return lines;
    }

    private static String p50Max(Percentiles p) {
        return "%.0f / %.0f ms".formatted(p.p50(), p.max());
    }

    private IdleLatency() {
    }
}
