package clinic.migraine.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a generated Avro record in Confluent's wire format, registering (or looking up) its schema under
 * {@code <topic>-value} (or {@code <topic>-key}).
 */
public class ConfluentAvroSerializer implements Serializer<SpecificRecord> {

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;

    public ConfluentAvroSerializer() {
    }

    public ConfluentAvroSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = SerdeConfig.client(configs);
        this.autoRegister = SerdeConfig.autoRegister(configs);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        String subject = topic + (isKey ? "-key" : "-value");
        int id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " for topic " + topic, e);
        }
    }
}
