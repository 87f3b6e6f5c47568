package clinic.migraine.kit.outbox;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import clinic.migraine.events.TrustedEventPackage;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows in id order and marks them published once the broker acknowledged them (acks=all,
 * idempotent producer). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances may run.
 * A crash after sending but before marking re-sends the row: consumers drop it by its stable event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    static {
        TrustedEventPackage.trust();
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final OutboxProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private ScheduledExecutorService executor;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, SpecificRecord> kafka,
            OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "outbox-relay");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::drainQuietly, 0, properties.pollInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            executor.shutdown();
            try {
                executor.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Publishes right after the current transaction commits instead of waiting for the next poll. */
    void nudgeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            nudge();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                nudge();
            }
        });
    }

    private void nudge() {
        if (running.get() && pending.compareAndSet(false, true)) {
            executor.execute(this::drainQuietly);
        }
    }

    /** Rows not yet published: the outbox backlog. */
    public long backlog() {
        return jdbc.sql("select count(*) from outbox where published_at is null").query(Long.class).single();
    }

    /** Publishes everything that is waiting, batch by batch; returns how many rows were published. */
    public int drain() {
        int total = 0;
        int published;
        do {
            Integer batch = transactions.execute(status -> publishBatch());
            published = batch == null ? 0 : batch;
            total += published;
        } while (published == properties.batchSize());
        return total;
    }

    private void drainQuietly() {
        pending.set(false);
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Outbox relay paused: {} ({}); retrying in {}", e.getClass().getSimpleName(),
                    rootMessage(e), properties.pollInterval());
        }
    }

    private int publishBatch() {
        List<Row> rows = jdbc.sql("""
                select id, event_id, topic, message_key, event_type, payload, trace_headers from outbox
                where published_at is null order by id limit :limit for update skip locked
                """)
                .param("limit", properties.batchSize())
                .query(OutboxRelay::row)
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(row.topic(), row.key(), decode(row));
            TraceHeaders.addTo(record.headers(), row.traceHeaders());
            sends.add(kafka.send(record));
        }
        List<Long> published = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            try {
                sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                published.add(row.id());
            } catch (ExecutionException | TimeoutException e) {
                recordFailure(row, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!published.isEmpty()) {
            jdbc.sql("update outbox set published_at = now(), attempts = attempts + 1, last_error = null where id in (:ids)")
                    .param("ids", published)
                    .update();
        }
        return published.size();
    }

    private void recordFailure(Row row, Exception e) {
        String reason = rootMessage(e);
        log.warn("Outbox event {} to {} not published yet: {}", row.eventId(), row.topic(), reason);
        jdbc.sql("update outbox set attempts = attempts + 1, last_error = :error where id = :id")
                .param("error", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("id", row.id())
                .update();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static SpecificRecord decode(Row row) {
        try {
            Class<?> type = Class.forName(row.eventType());
            Schema schema = SpecificData.get().getSchema(type);
            SpecificDatumReader<SpecificRecord> reader = new SpecificDatumReader<>(schema);
            return reader.read(null, DecoderFactory.get().binaryDecoder(row.payload(), null));
        } catch (ClassNotFoundException | IOException e) {
            throw new IllegalStateException("outbox row " + row.id() + " holds an unreadable " + row.eventType(), e);
        }
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("topic"),
                rs.getString("message_key"), rs.getString("event_type"), rs.getBytes("payload"), rs.getString("trace_headers"));
    }

    private record Row(long id, UUID eventId, String topic, String key, String eventType, byte[] payload,
            String traceHeaders) {
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
