package clinic.migraine.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import clinic.migraine.faults.Ledger.Submitted;
import clinic.migraine.testsupport.Api;
import clinic.migraine.testsupport.RunningSystem;

/**
 * Staff at several desks submitting referrals at a steady pace while a fault happens, each desk with its own
 * HTTP connection. Every other referral comes from a client that retries with the same Idempotency-Key until
 * intake answers 201, however long it is away; the others from a client that tries once and gives up, so a
 * refused request can be checked for having stored nothing.
 */
final class Clients implements AutoCloseable {

    /** A referral whose one attempt was not answered 201. */
    record Refused(String key, String email, int status, String answer) {

        /** The request may have reached intake and the answer been lost (no status, and not refused on connect). */
        boolean answerLost() {
            return status == 0 && !answer.contains("ConnectException");
        }
    }

    /** The status of a retrying client that had no 201 within its patience. */
    static final int GAVE_UP = -1;

    private record Accepted(Submitted referral, long at) {
    }

    private static final int DESKS = 4;
    private static final Duration PACE = Duration.ofMillis(400);

    private final Api intake;
    private final Duration patience;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService desks = Executors.newFixedThreadPool(DESKS);
    private final Semaphore free = new Semaphore(DESKS);
    private final AtomicInteger started = new AtomicInteger();
    private final List<Accepted> accepted = new ArrayList<>();
    private final List<Refused> refused = new ArrayList<>();
    private final List<Long> attempts = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    private Clients(Api intake, Duration patience) {
        this.intake = intake;
        this.patience = patience;
    }

    /** Starts the desks: a new referral every 0.4 s while a desk is free. */
    static Clients start(Api intake, Duration patience) {
        Clients clients = new Clients(intake, patience);
        clients.ticker.scheduleAtFixedRate(clients::tick, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
        return clients;
    }

    private void tick() {
        if (!free.tryAcquire()) {
            return;
        }
        boolean retrying = started.getAndIncrement() % 2 == 0;
        desks.execute(() -> {
            try {
                Submitted referral = new Submitted(null, "fault-" + UUID.randomUUID() + "@example.org");
                if (retrying) {
                    String key = UUID.randomUUID().toString();
                    try {
                        Submitted done = submitWithRetries(referral, key);
                        synchronized (this) {
                            accepted.add(new Accepted(done, System.nanoTime()));
                        }
                    } catch (RuntimeException gaveUp) {
                        synchronized (this) {
                            refused.add(new Refused(key, referral.email(), GAVE_UP, gaveUp.toString()));
                        }
                    }
                } else {
                    submitOnce(referral);
                }
            } finally {
                free.release();
            }
        });
    }

    private void submitOnce(Submitted referral) {
        String key = UUID.randomUUID().toString();
        Api.Answer answer = post(referral, key);
        synchronized (this) {
            if (answer.status() == 201) {
                accepted.add(new Accepted(new Submitted(UUID.fromString(answer.read("$.id")), referral.email()),
                        System.nanoTime()));
            } else {
                refused.add(new Refused(key, referral.email(), answer.status(), answer.body()));
            }
        }
    }

    private Submitted submitWithRetries(Submitted referral, String key) {
        return submitWithRetries(referral, patience, () -> post(referral, key));
    }

    /** As a real client would: the same Idempotency-Key until intake answers 201, however long it is away. */
    static Submitted submitWithRetries(Api intake, Submitted referral, Duration patience) {
        String key = UUID.randomUUID().toString();
        return submitWithRetries(referral, patience, () -> intake.post("/api/referrals",
                RunningSystem.eligibleReferral(referral.email()), Map.of("Idempotency-Key", key)));
    }

    private static Submitted submitWithRetries(Submitted referral, Duration patience,
            java.util.concurrent.Callable<Api.Answer> attempt) {
        Api.Answer answer = await().atMost(patience).pollInterval(PACE).until(attempt, a -> a.status() == 201);
        return new Submitted(UUID.fromString(answer.read("$.id")), referral.email());
    }

    private Api.Answer post(Submitted referral, String key) {
        synchronized (this) {
            attempts.add(System.nanoTime());
        }
        inFlight.incrementAndGet();
        try {
            return intake.post("/api/referrals", RunningSystem.eligibleReferral(referral.email()),
                    Map.of("Idempotency-Key", key));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Requests sent and not yet answered, now. */
    int inFlight() {
        return inFlight.get();
    }

    synchronized int acceptedSince(long nanoTime) {
        return (int) accepted.stream().filter(a -> a.at() >= nanoTime).count();
    }

    synchronized List<Submitted> acceptedBetween(long from, long until) {
        return accepted.stream().filter(a -> a.at() >= from && a.at() < until).map(Accepted::referral).toList();
    }

    synchronized int attemptsSince(long nanoTime) {
        return (int) attempts.stream().filter(at -> at >= nanoTime).count();
    }

    synchronized List<Submitted> accepted() {
        return accepted.stream().map(Accepted::referral).toList();
    }

    synchronized List<Refused> refused() {
        return List.copyOf(refused);
    }

    /** No new referrals; the ones begun are finished (retrying clients until accepted). */
    @Override
    public void close() {
        ticker.shutdownNow();
        desks.shutdown();
        try {
            if (!desks.awaitTermination(patience.toSeconds() + 30, TimeUnit.SECONDS)) {
                desks.shutdownNow();
                throw new IllegalStateException("referrals still being submitted after " + patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
