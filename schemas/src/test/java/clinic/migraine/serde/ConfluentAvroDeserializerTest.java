package clinic.migraine.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentAvroDeserializerTest {

    private final ConfluentAvroDeserializer deserializer =
            new ConfluentAvroDeserializer(new SchemaRegistryClient("http://127.0.0.1:9/", Duration.ofMillis(200)));

    @Test
    void refusesBytesWithoutTheMagicByte() {
        assertThatThrownBy(() -> deserializer.deserialize("referral-submitted", new byte[] {7, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte 7");
    }

    @Test
    void refusesBytesTooShortForTheHeader() {
        assertThatThrownBy(() -> deserializer.deserialize("referral-submitted", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("wire format");
    }

    @Test
    void anUnreachableRegistryIsASerializationError() {
        assertThatThrownBy(() -> deserializer.deserialize("referral-submitted", new byte[] {0, 0, 0, 0, 42, 2}))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("unreachable");
    }
}
