package clinic.migraine.kit.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import clinic.migraine.events.EventEnvelope;
import clinic.migraine.events.EventTopic;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an event in the same database transaction as the state change that caused it; the
 * {@link OutboxRelay} publishes it afterwards. The event is kept as plain Avro binary, so writing it needs
 * no schema registry: a registry outage delays publishing, it never fails a request.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final TraceHeaders trace;

    public Outbox(JdbcClient jdbc, OutboxRelay relay, TraceHeaders trace) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.trace = trace;
    }

    /** Adds the event to the outbox; the topic follows from its type, the key is its referral id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(SpecificRecord event) {
        EventTopic topic = EventTopic.forEvent(event);
        jdbc.sql("""
                insert into outbox (event_id, topic, message_key, event_type, payload, trace_headers)
                values (:eventId, :topic, :key, :type, :payload, :trace)
                on conflict (event_id) do nothing
                """)
                .param("eventId", EventEnvelope.eventId(event))
                .param("topic", topic.topicName())
                .param("key", EventEnvelope.referralId(event).toString())
                .param("type", event.getClass().getName())
                .param("payload", encode(event))
                .param("trace", trace.capture())
                .update();
        relay.nudgeAfterCommit();
    }

    static byte[] encode(SpecificRecord event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
