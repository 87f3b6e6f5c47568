package clinic.migraine.kit.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes outbox rows published longer ago than the retention, in bounded batches, on every instance's own timer.
 * Each batch claims its rows with {@code FOR UPDATE SKIP LOCKED}, so instances running at once delete different
 * rows and never wait on one another or on the relay; a run missed while every instance was down is simply caught
 * up by the next. A row not yet published is never deleted, however old: it is an event still owed to the
 * consumers. Consumers drop a re-sent event by its id in their own processed-event record, which is kept, so the
 * outbox does not need to remember what it sent.
 */
public class OutboxCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleanup.class);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService executor;

    public OutboxCleanup(JdbcClient jdbc, TransactionTemplate transactions, OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Deletes every published row past the retention, batch by batch; returns how many went. */
    public int deleteExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = deleteBatch();
            total += deleted;
        } while (deleted == properties.cleanupBatchSize());
        return total;
    }

    /** One batch: at most {@code cleanupBatchSize} published rows past the retention, oldest first. */
    public int deleteBatch() {
        Integer deleted = transactions.execute(status -> jdbc.sql("""
                delete from outbox where id in (
                  select id from outbox
                  where published_at is not null and published_at < now() - make_interval(secs => :retention)
                  order by published_at limit :limit for update skip locked)
                """)
                .param("retention", (double) properties.retention().toSeconds())
                .param("limit", properties.cleanupBatchSize())
                .update());
        return deleted == null ? 0 : deleted;
    }

    private void deleteQuietly() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.info("Outbox: deleted {} events published more than {} ago", deleted, properties.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Outbox cleanup failed: {}; trying again in {}", e.getClass().getSimpleName(),
                    properties.cleanupInterval());
        }
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "outbox-cleanup");
                thread.setDaemon(true);
                return thread;
            });
            long interval = properties.cleanupInterval().toMillis();
            executor.scheduleWithFixedDelay(this::deleteQuietly, Math.min(interval, FIRST_RUN.toMillis()), interval,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
