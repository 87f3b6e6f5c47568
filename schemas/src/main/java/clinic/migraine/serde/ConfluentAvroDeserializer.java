package clinic.migraine.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import clinic.migraine.events.TrustedEventPackage;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent's wire format into the generated class: the writer's schema comes from the registry by id,
 * the reader's schema from the class on the classpath, so an older reader reads a newer writer's events and
 * the other way round. Anything else (wrong magic byte, unknown id, bytes that do not decode) is a
 * {@link SerializationException}, which the binder sends to the dead-letter topic.
 */
public class ConfluentAvroDeserializer implements Deserializer<SpecificRecord> {

    static {
        TrustedEventPackage.trust();
    }

    private final Map<Long, SpecificDatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private Class<? extends SpecificRecord> forcedType;

    public ConfluentAvroDeserializer() {
    }

    public ConfluentAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = SerdeConfig.client(configs);
        Object type = configs.get(SerdeConfig.SPECIFIC_VALUE_TYPE);
        if (type instanceof Class<?> cls) {
            forcedType = (Class<? extends SpecificRecord>) cls;
        } else if (type != null) {
            try {
                forcedType = (Class<? extends SpecificRecord>) Class.forName(type.toString());
            } catch (ClassNotFoundException e) {
                throw new SerializationException("unknown " + SerdeConfig.SPECIFIC_VALUE_TYPE + " " + type, e);
            }
        }
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_SIZE || data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException("not in the registry wire format (magic byte "
                    + (data.length == 0 ? "missing" : String.valueOf(data[0])) + ") on topic " + topic);
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        buffer.get();
        int id = buffer.getInt();
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new SerializationException("unknown schema id " + id + " on topic " + topic, e);
            }
            throw e;
        }
        SpecificDatumReader<SpecificRecord> reader = readers.computeIfAbsent(((long) id),
                key -> new SpecificDatumReader<>(writer, readerSchema(writer)));
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, null);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode " + writer.getFullName() + " (schema id " + id
                    + ") on topic " + topic, e);
        }
    }

    private Schema readerSchema(Schema writer) {
        if (forcedType != null) {
            return SpecificData.get().getSchema(forcedType);
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
            throw new SerializationException("no generated class for " + writer.getFullName());
        }
        return SpecificData.get().getSchema(generated);
    }
}
