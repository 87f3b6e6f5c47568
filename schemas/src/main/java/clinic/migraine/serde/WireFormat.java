package clinic.migraine.serde;

/**
 * Confluent's wire format: one magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary
 * encoding of the value.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }
}
