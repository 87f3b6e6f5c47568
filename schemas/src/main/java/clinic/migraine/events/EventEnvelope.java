package clinic.migraine.events;

import java.time.Instant;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

/** Reads the fields every event carries (eventId, occurredAt, referralId) without knowing its type. */
public final class EventEnvelope {

    private EventEnvelope() {
    }

    public static UUID eventId(SpecificRecord event) {
        return (UUID) field(event, "eventId");
    }

    public static UUID referralId(SpecificRecord event) {
        return (UUID) field(event, "referralId");
    }

    public static Instant occurredAt(SpecificRecord event) {
        return (Instant) field(event, "occurredAt");
    }

    private static Object field(SpecificRecord event, String name) {
        var field = event.getSchema().getField(name);
        if (field == null) {
            throw new IllegalArgumentException(event.getSchema().getFullName() + " has no " + name);
        }
        return event.get(field.pos());
    }
}
