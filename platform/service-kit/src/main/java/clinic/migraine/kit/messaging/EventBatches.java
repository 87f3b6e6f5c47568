package clinic.migraine.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import clinic.migraine.events.EventEnvelope;
import clinic.migraine.kit.inbox.ProcessedEvents;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.Message;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service's one binding over all the topics it reads, in batch mode: the records of one poll are applied in ONE
 * transaction (each event's claim in {@code processed_event}, the state it changes and the outbox rows it writes),
 * so the broker and the database see a few full requests instead of one round per record. The offsets are committed
 * only after that transaction did (at least once; the claims make a redelivery change nothing).
 * <p>
 * A record that fails rolls the whole batch back; the batch is then applied record by record, each in its own
 * transaction as before, and the first that fails is reported by its index ({@link BatchListenerFailedException}):
 * the container commits the ones before it, retries it and, once that is pointless, dead-letters exactly that record
 * ({@link DeadLetters}) and goes on after it. A record that could not be decoded is reported the same way. Records of
 * one partition (one referral) are applied in order, and none after a failed one is applied before it is settled.
 * <p>
 * Each record is applied in the trace its headers carry, so what it publishes and logs continues that trace.
 */
public class EventBatches {

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);

    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;
    private final Tracer tracer;
    private final Propagator propagator;

    /**
     * @param tracer and {@code propagator} continue each record's trace; either may be null (no tracing)
     */
    public EventBatches(ProcessedEvents processed, PlatformTransactionManager transactions, Tracer tracer,
            Propagator propagator) {
        this.processed = processed;
        this.transactions = new TransactionTemplate(transactions);
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The function to bind (batch mode): each poll's records go to {@code handlers}. */
    public Consumer<Message<List<Object>>> listener(EventHandlers handlers) {
        return batch -> apply(batch.getPayload(), recordHeaders(batch), handlers);
    }

    void apply(List<?> values, List<Map<String, Object>> headers, EventHandlers handlers) {
        int undecodable = firstUndecodable(values);
        int decoded = undecodable < 0 ? values.size() : undecodable;
        if (decoded > 0) {
            applyAll(values.subList(0, decoded), headers, handlers);
        }
        if (undecodable >= 0) {
            // not worth retrying; the dead letter names the decoder's own exception, kept in the record's headers
            throw new BatchListenerFailedException("Record " + undecodable + " of the batch could not be decoded",
                    new DeserializationException("The record's value could not be decoded", null, false, null),
                    undecodable);
        }
    }

    private void applyAll(List<?> events, List<Map<String, Object>> headers, EventHandlers handlers) {
        try {
            transactions.executeWithoutResult(tx -> {
                for (int i = 0; i < events.size(); i++) {
                    applyOne((SpecificRecord) events.get(i), header(headers, i), handlers);
                }
            });
            return;
        } catch (RuntimeException batchFailure) {
            log.info("A batch of {} records rolled back ({}); applying them one at a time", events.size(),
                    DeadLetters.scrubbedRootCause(batchFailure));
        }
        for (int i = 0; i < events.size(); i++) {
            SpecificRecord event = (SpecificRecord) events.get(i);
            Map<String, Object> recordHeaders = header(headers, i);
            try {
                transactions.executeWithoutResult(tx -> applyOne(event, recordHeaders, handlers));
            } catch (RuntimeException failure) {
                // ids and the scrubbed cause only: the error channel's and the container's own logs would print the
                // whole batch, so they are quiet (clinic-kit.yml, DeadLetters)
                log.warn("{} {} failed: {}", event.getSchema().getName(), EventEnvelope.eventId(event),
                        DeadLetters.scrubbedRootCause(failure));
                throw new BatchListenerFailedException("Record " + i + " of the batch failed", failure, i);
            }
        }
    }

    private void applyOne(SpecificRecord event, Map<String, Object> headers, EventHandlers handlers) {
        Span span = continuedSpan(event, headers);
        if (span == null) {
            claimAndHandle(event, handlers);
            return;
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            claimAndHandle(event, handlers);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void claimAndHandle(SpecificRecord event, EventHandlers handlers) {
        if (processed.firstDelivery(EventEnvelope.eventId(event), handlers.consumerOf(event))) {
            handlers.handle(event);
        }
    }

    private Span continuedSpan(SpecificRecord event, Map<String, Object> headers) {
        if (tracer == null || propagator == null) {
            return null;
        }
        return propagator.extract(headers, (carrier, key) -> text(carrier.get(key)))
                .name(event.getSchema().getName() + " receive")
                .kind(Span.Kind.CONSUMER)
                .start();
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static int firstUndecodable(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof SpecificRecord)) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> recordHeaders(Message<?> batch) {
        Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        return converted instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static Map<String, Object> header(List<Map<String, Object>> headers, int index) {
        return index < headers.size() && headers.get(index) != null ? headers.get(index) : Map.of();
    }
}
