package clinic.migraine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The registry runs with BACKWARD compatibility: consumers with the new schema must read everything written
 * with the last released one. This catches an incompatible edit at build time, before any registry says 409.
 * Released versions live in src/test/resources/released/v&lt;n&gt;/&lt;Event&gt;.avsc; when a version ships,
 * copy the current full schemas there as the next v&lt;n&gt;.
 */
class SchemaEvolutionTest {

    private static final Path RELEASED = Path.of("src/test/resources/released");

    @ParameterizedTest
    @EnumSource(EventTopic.class)
    void everyEventReadsItsLastReleasedVersion(EventTopic topic) throws IOException {
        Schema current = SpecificData.get().getSchema(topic.eventType());
        Schema released = lastReleased(topic.eventType().getSimpleName())
                .orElseThrow(() -> new AssertionError(topic.eventType().getSimpleName()
                        + " has no released schema under " + RELEASED + ": add one"));

        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);

        assertThat(result.getType())
                .as("%s must stay BACKWARD compatible with its last release: %s", topic.topicName(),
                        result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void aRequiredFieldWithoutDefaultIsCaught() throws IOException {
        Schema released = lastReleased("ReferralWithdrawn").orElseThrow();
        Schema edited = new Schema.Parser().parse(released.toString()
                .replace("{\"name\":\"reason\"", "{\"name\":\"withdrawnBy\",\"type\":\"string\"},{\"name\":\"reason\""));

        var result = SchemaCompatibility.checkReaderWriterCompatibility(edited, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void aNullableFieldWithDefaultIsAccepted() throws IOException {
        Schema released = lastReleased("ReferralWithdrawn").orElseThrow();
        Schema edited = new Schema.Parser().parse(released.toString()
                .replace("{\"name\":\"reason\"", "{\"name\":\"withdrawnBy\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"reason\""));

        var result = SchemaCompatibility.checkReaderWriterCompatibility(edited, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    /** What staff typed stays in scheduling; a cancellation written before the code existed reads as UNKNOWN. */
    @Test
    void aCancellationCarriesAReasonCodeAndNeverTheTypedReason() throws IOException {
        Schema current = AppointmentCancelled.getClassSchema();
        assertThat(current.getFields()).extracting(Schema.Field::name)
                .as("ids, times, codes and the calendar sequence: no free text")
                .containsExactly("eventId", "occurredAt", "referralId", "appointmentId", "cycle", "start", "reasonCode",
                        "cancelledBy", "actor", "sequence");
        assertThat(current.getField("reasonCode").schema().getType()).isEqualTo(Schema.Type.ENUM);
        Schema released = lastReleased("AppointmentCancelled").orElseThrow();
        GenericRecord old = new GenericData.Record(released);
        old.put("eventId", UUID.randomUUID().toString());
        old.put("occurredAt", 0L);
        old.put("referralId", UUID.randomUUID().toString());
        old.put("appointmentId", UUID.randomUUID().toString());
        old.put("cycle", 1);
        old.put("start", 0L);
        old.put("reason", "moving to Phoenix, daughter's number 555 0100");
        old.put("cancelledBy", new GenericData.EnumSymbol(released.getField("cancelledBy").schema(), "PATIENT"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(released).write(old, encoder);
        encoder.flush();

        AppointmentCancelled read = new SpecificDatumReader<AppointmentCancelled>(released, current)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(read.getReasonCode()).isEqualTo(CancelReasonCode.UNKNOWN);
        assertThat(read.toString()).doesNotContain("Phoenix");
    }

    @Test
    void everyTopicHasItsOwnEventTypeAndSubject() {
        assertThat(Stream.of(EventTopic.values()).map(EventTopic::eventType).distinct()).hasSize(EventTopic.values().length);
        assertThat(EventTopic.REFERRAL_SUBMITTED.valueSubject()).isEqualTo("referral-submitted-value");
        for (EventTopic topic : EventTopic.values()) {
            Schema schema = SpecificData.get().getSchema(topic.eventType());
            assertThat(schema.getField("eventId")).as(topic + " eventId").isNotNull();
            assertThat(schema.getField("occurredAt")).as(topic + " occurredAt").isNotNull();
            assertThat(schema.getField("referralId")).as(topic + " referralId").isNotNull();
            assertThat(topic.topicName()).matches("[a-z]+(-[a-z]+)*");
        }
    }

    private static Optional<Schema> lastReleased(String eventName) throws IOException {
        List<Path> versions;
        try (Stream<Path> dirs = Files.list(RELEASED)) {
            versions = dirs.filter(Files::isDirectory)
                    .sorted(Comparator.comparingInt(SchemaEvolutionTest::versionNumber).reversed())
                    .toList();
        }
        for (Path version : versions) {
            Path file = version.resolve(eventName + ".avsc");
            if (Files.exists(file)) {
                return Optional.of(new Schema.Parser().parse(file.toFile()));
            }
        }
        return Optional.empty();
    }

    private static int versionNumber(Path dir) {
        return Integer.parseInt(dir.getFileName().toString().substring(1));
    }
}
