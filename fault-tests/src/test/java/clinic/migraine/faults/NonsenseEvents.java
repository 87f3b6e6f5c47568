package clinic.migraine.faults;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.events.EventTopic;
import clinic.migraine.serde.ConfluentAvroSerializer;
import clinic.migraine.serde.SerdeConfig;
import org.apache.avro.LogicalType;
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
        SpecificRecord record = (SpecificRecord) sample(schema);
        record.put(schema.getField("occurredAt").pos(), Instant.parse("1900-01-01T00:00:00Z"));
        if (schema.getField("cycle") != null) {
            record.put(schema.getField("cycle").pos(), 0);
        }
        try (ConfluentAvroSerializer serializer = new ConfluentAvroSerializer()) {
            serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            return serializer.serialize(topic.topicName(), record);
        }
    }

    /** A plausible value of each type: non-null branches, first enum symbols, empty lists. */
    private static Object sample(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        return switch (schema.getType()) {
            case RECORD -> {
                SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), sample(field.schema()));
                }
                yield record;
            }
            case UNION -> sample(schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst()
                    .orElse(schema.getTypes().get(0)));
            case STRING -> logical != null && logical.getName().equals("uuid") ? UUID.randomUUID() : "x";
            case LONG -> logical != null && logical.getName().startsWith("timestamp") ? Instant.now() : 1L;
            case INT -> logical != null && logical.getName().equals("date") ? LocalDate.now() : 1;
            case BOOLEAN -> false;
            case DOUBLE -> 1.0;
            case FLOAT -> 1.0f;
            case ENUM -> SpecificData.get().createEnum(schema.getEnumSymbols().get(0), schema);
            case ARRAY -> List.of();
            case MAP -> Map.of();
            case BYTES -> ByteBuffer.allocate(0);
            default -> null;
        };
    }
}
