package clinic.migraine.kit.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import clinic.migraine.events.EventTopic;
import clinic.migraine.events.PatientUpdated;
import clinic.migraine.kit.patients.PatientDirectory;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a service does with each type of event its one binding reads ({@link EventBatches}): a handler per event
 * class, or one for every type. A handler runs inside the transaction that claims the event, so the use case it calls
 * joins it. An event of a type nobody handles fails like any other bad record and is dead-lettered.
 */
public final class EventHandlers {

    private final Map<Class<?>, Consumer<SpecificRecord>> byType = new LinkedHashMap<>();
    private Consumer<SpecificRecord> everyType;
    private String consumer;

    private EventHandlers() {
    }

    public static EventHandlers create() {
        return new EventHandlers();
    }

    /** Applies events of this class with the handler. */
    public <E extends SpecificRecord> EventHandlers on(Class<E> type, Consumer<? super E> handler) {
        byType.put(type, event -> handler.accept(type.cast(event)));
        return this;
    }

    /** Intake's correction of a patient's name, applied to the directory the staff pages read. */
    public EventHandlers patientUpdates(PatientDirectory directory) {
        return on(PatientUpdated.class, event -> directory.rename(event.getReferralId(), event.getPatientId(),
                event.getFirstName(), event.getLastName()));
    }

    /** Applies events of every class without a handler of their own with this one. */
    public EventHandlers otherwise(Consumer<SpecificRecord> handler) {
        everyType = handler;
        return this;
    }

    /**
     * Claims every event under this one consumer name; without it, an event is claimed under the name of the topic
     * it came from, as the processed rows of one binding per topic were stored.
     */
    public EventHandlers claimedAs(String consumerName) {
        consumer = consumerName;
        return this;
    }

    String consumerOf(SpecificRecord event) {
        return consumer != null ? consumer : EventTopic.forEvent(event).topicName();
    }

    void handle(SpecificRecord event) {
        Consumer<SpecificRecord> handler = byType.getOrDefault(event.getClass(), everyType);
        if (handler == null) {
            throw new IllegalArgumentException("No handler for " + event.getSchema().getName() + " events");
        }
        handler.accept(event);
    }
}
