package clinic.migraine.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Headers;

/**
 * Carries the trace of the request or message that caused an event through the outbox: the propagation fields
 * (W3C {@code traceparent} by default) are stored with the row and sent as Kafka headers, so the consumer's
 * observation continues the same trace even though the relay publishes later, on another thread.
 * They hold ids only.
 */
public final class TraceHeaders {

    private static final TraceHeaders NONE = new TraceHeaders(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** For services and tests without tracing: nothing is captured. */
    public static TraceHeaders none() {
        return NONE;
    }

    /** The current trace context as stored text ("name=value" per line), or null outside any trace. */
    public String capture() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        propagator.inject(span.context(), fields, Map::put);
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** Adds stored fields as Kafka headers; unreadable lines are skipped. */
    public static void addTo(Headers headers, String stored) {
        if (stored == null || stored.isBlank()) {
            return;
        }
        for (String line : stored.split("\n")) {
            int separator = line.indexOf('=');
            if (separator > 0) {
                headers.remove(line.substring(0, separator));
                headers.add(line.substring(0, separator), line.substring(separator + 1).getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
