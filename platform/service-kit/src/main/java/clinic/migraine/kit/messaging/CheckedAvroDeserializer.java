package clinic.migraine.kit.messaging;

import java.time.Clock;
import java.util.List;

import clinic.migraine.serde.ConfluentAvroDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry deserializer every consumer uses, plus {@link EventChecks}: a record that decodes but carries
 * nonsense fails here, so the error-handling deserializer hands it to the dead-letter topic with the problems in
 * its headers, exactly like random bytes or an unknown schema id.
 */
public class CheckedAvroDeserializer extends ConfluentAvroDeserializer {

    private final Clock clock = Clock.systemUTC();

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        SpecificRecord record = super.deserialize(topic, data);
        if (record == null) {
            return null;
        }
        List<String> problems = EventChecks.problems(record, clock.instant());
        if (!problems.isEmpty()) {
            throw new SerializationException(record.getSchema().getName() + " on " + topic + " carries nonsense: "
                    + String.join("; ", problems));
        }
        return record;
    }
}
