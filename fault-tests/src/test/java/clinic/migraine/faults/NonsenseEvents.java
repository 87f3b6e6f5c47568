package clinic.migraine.faults;

import java.time.Instant;
import java.util.Map;

import clinic.migraine.events.EventTopic;
import clinic.migraine.serde.ConfluentAvroSerializer;
import clinic.migraine.serde.SerdeConfig;
import clinic.migraine.testsupport.AvroSamples;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Poison that decodes: a well-formed event of the topic's own type, in the registry's wire format, whose values
 * make no sense (it happened in 1900, cycle 0). Built from the schema, so every topic gets one.
 */
final class NonsenseEvents {

    private NonsenseEvents() {
    }

    static byte[] forTopic(EventTopic topic, String registryUrl) {
        Schema schema = SpecificData.get().getSchema(topic.eventType());
        SpecificRecord record = (SpecificRecord) AvroSamples.sample(schema);
        record.put(schema.getField("occurredAt").pos(), Instant.parse("1900-01-01T00:00:00Z"));
        if (schema.getField("cycle") != null) {
            record.put(schema.getField("cycle").pos(), 0);
        }
        try (ConfluentAvroSerializer serializer = new ConfluentAvroSerializer()) {
            serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            return serializer.serialize(topic.topicName(), record);
        }
    }
}
