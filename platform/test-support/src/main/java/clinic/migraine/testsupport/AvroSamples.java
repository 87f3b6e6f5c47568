package clinic.migraine.testsupport;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/** An event of any type filled in from its schema alone, for tests that then set the few fields they care about. */
public final class AvroSamples {

    private AvroSamples() {
    }

    /** A plausible value of each type: non-null branches, first enum symbols, empty lists, now for timestamps. */
    public static Object sample(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        return switch (schema.getType()) {
            case RECORD -> {
                org.apache.avro.specific.SpecificRecord record =
                        (org.apache.avro.specific.SpecificRecord) SpecificData.get().newRecord(null, schema);
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
