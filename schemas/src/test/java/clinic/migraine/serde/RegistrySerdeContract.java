package clinic.migraine.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.events.ReferralWithdrawn;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * What the serde must do against any Confluent-compatible registry and a real broker. Run against Apicurio's
 * ccompat API ({@link RegistrySerdeIT}, always) and Confluent's own registry ({@link ConfluentContainersIT},
 * where Docker is available).
 */
abstract class RegistrySerdeContract {

    /** The registry's Confluent API root. */
    abstract String registryUrl();

    abstract String bootstrapServers();

    @Test
    void roundTripsAnEventThroughTheRegistryAndTheBroker() {
        String topic = "round-trip-" + UUID.randomUUID();
        ReferralWithdrawn sent = withdrawn("duplicate referral");

        try (KafkaProducer<String, SpecificRecord> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, sent.getReferralId().toString(), sent));
        }
        List<SpecificRecord> received = consume(topic, 1);

        assertThat(received).containsExactly(sent);
    }

    @Test
    void givesBackEachSchemaWithItsFieldsInTheirOrder() {
        String subject = "order-" + UUID.randomUUID() + "-value";
        int id = client().register(subject, ReferralWithdrawn.getClassSchema());

        Schema fetched = client().schemaById(id);

        assertThat(fetched.getFields()).extracting(Schema.Field::name)
                .containsExactly("eventId", "occurredAt", "referralId", "reason", "actor");
        assertThat(fetched).isEqualTo(ReferralWithdrawn.getClassSchema());
    }

    @Test
    void writesTheConfluentWireFormat() {
        String topic = "wire-" + UUID.randomUUID();
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl()), false);

        byte[] bytes = serializer.serialize(topic, withdrawn("moved away"));

        int id = new SchemaRegistryClient(registryUrl(), Duration.ofSeconds(5))
                .lookup(topic + "-value", ReferralWithdrawn.getClassSchema());
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void anOlderReaderReadsANewerWritersEvent() throws Exception {
        String topic = "evolution-" + UUID.randomUUID();
        Schema newer = new Schema.Parser().parse(ReferralWithdrawn.getClassSchema().toString()
                .replace("{\"name\":\"reason\"",
                        "{\"name\":\"withdrawnBy\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"reason\""));
        SchemaRegistryClient registry = client();
        registry.register(topic + "-value", ReferralWithdrawn.getClassSchema());
        int newerId = registry.register(topic + "-value", newer);
        UUID eventId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        GenericRecord record = new GenericData.Record(newer);
        record.put("eventId", eventId.toString());
        record.put("occurredAt", 1_700_000_000_000L);
        record.put("referralId", referralId.toString());
        record.put("withdrawnBy", "front desk");
        record.put("reason", "patient request");

        SpecificRecord read = deserializer().deserialize(topic, wire(newerId, newer, record));

        assertThat(read).isInstanceOf(ReferralWithdrawn.class);
        ReferralWithdrawn withdrawn = (ReferralWithdrawn) read;
        assertThat(withdrawn.getEventId()).isEqualTo(eventId);
        assertThat(withdrawn.getReferralId()).isEqualTo(referralId);
        assertThat(withdrawn.getReason()).isEqualTo("patient request");
    }

    @Test
    void theRegistryRefusesABackwardIncompatibleSchema() {
        String subject = "incompatible-" + UUID.randomUUID() + "-value";
        Schema breaking = new Schema.Parser().parse(ReferralWithdrawn.getClassSchema().toString()
                .replace("{\"name\":\"reason\"", "{\"name\":\"withdrawnBy\",\"type\":\"string\"},{\"name\":\"reason\""));
        SchemaRegistryClient registry = client();
        registry.register(subject, ReferralWithdrawn.getClassSchema());

        assertThatThrownBy(() -> registry.register(subject, breaking))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue());
        assertThat(registry.compatibility()).isEqualTo("BACKWARD");
    }

    @Test
    void anUnknownSchemaIdIsASerializationError() {
        byte[] unknown = ByteBuffer.allocate(6).put((byte) 0).putInt(987_654).put((byte) 2).array();

        assertThatThrownBy(() -> deserializer().deserialize("some-topic", unknown))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema id 987654");
    }

    private static ReferralWithdrawn withdrawn(String reason) {
        return ReferralWithdrawn.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setReferralId(UUID.randomUUID())
                .setReason(reason)
                .build();
    }

    private static byte[] wire(int id, Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private SchemaRegistryClient client() {
        return new SchemaRegistryClient(registryUrl(), Duration.ofSeconds(5));
    }

    private ConfluentAvroDeserializer deserializer() {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl()), false);
        return deserializer;
    }

    private KafkaProducer<String, SpecificRecord> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ConfluentAvroSerializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl()));
    }

    /** Reads the topic from the start with the project's deserializer until {@code expected} records came. */
    protected List<SpecificRecord> consume(String topic, int expected) {
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "serde-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class,
                SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl()))) {
            consumer.subscribe(List.of(topic));
            List<SpecificRecord> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
            }
            return received;
        }
    }
}
