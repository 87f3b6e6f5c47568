package clinic.migraine.kit.inbox;

import java.util.UUID;

import clinic.migraine.events.EventEnvelope;
import clinic.migraine.events.EventTopic;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a consumer idempotent: within the transaction that applies an event, {@link #firstDelivery} claims
 * the event id for that consumer. A redelivered event finds its id taken and is skipped; if the transaction
 * rolls back, the claim goes with it and the redelivery is applied.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True the first time this service's consumer of the event's topic sees it; false for every redelivery. The
     * consumer is named after the topic the event came from, so a rename of a topic cannot split its history.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(SpecificRecord event) {
        return firstDelivery(EventEnvelope.eventId(event), EventTopic.forEvent(event).topicName());
    }

    /**
     * Applies the event once, the way every listener does: in one transaction, claims its id for the consumer named
     * after its topic and, the first time only, runs {@code apply}. A rollback releases the claim for the retry.
     */
    @Transactional
    public void applyOnce(SpecificRecord event, Runnable apply) {
        if (firstDelivery(event)) {
            apply.run();
        }
    }

    /** {@link #applyOnce(SpecificRecord, Runnable)} for a consumer with a name of its own. */
    @Transactional
    public void applyOnce(SpecificRecord event, String consumer, Runnable apply) {
        if (firstDelivery(event, consumer)) {
            apply.run();
        }
    }

    /** True the first time this consumer sees the event; false for every redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(SpecificRecord event, String consumer) {
        return firstDelivery(EventEnvelope.eventId(event), consumer);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        return jdbc.sql("""
                insert into processed_event (event_id, consumer) values (:eventId, :consumer)
                on conflict do nothing
                """)
                .param("eventId", eventId)
                .param("consumer", consumer)
                .update() == 1;
    }
}
