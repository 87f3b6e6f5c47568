package clinic.migraine.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Lets the listener container, not the binding, retry and dead-letter. That way records that cannot even be
 * decoded (random bytes, unknown schema id) reach {@code error.<topic>.<group>} as the original bytes, with the
 * exception in the {@code kafka_dlt-exception-*} headers, just like records whose handler keeps failing;
 * the consumer then goes on. Each dead letter is counted in {@code clinic.messaging.dead.letters}.
 */
public class DeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(DeadLetters.class);

    private static final BackOff OUTAGE_BACK_OFF = outageBackOff();

    /** The innermost exception of a dead letter, {@code SimpleName: message}: what staff need to see. */
    public static final String ROOT_CAUSE = "clinic-dlt-root-cause";

    /** Where an exception message starts quoting data, and what in the rest looks like a patient's. */
    private static final Pattern QUOTED_DATA = Pattern.compile(
            "(?i)payload|failedMessage|record=|\\{|\\[\\{");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@,;<>\"]+@[^\\s@,;<>\"]+");
    private static final Pattern NUMBERISH = Pattern.compile(
            "\\+?\\d[\\d ().\\-/]{5,}\\d");
    private static final int MAX_MESSAGE = 300;

    private final Map<Class<?>, KafkaOperations<?, ?>> templates;
    private final MeterRegistry meters;

    /**
     * @param rawTemplate writes byte[] values as they are (undecodable records)
     * @param avroTemplate writes decoded events back in the registry wire format (handler failures)
     */
    public DeadLetters(KafkaOperations<?, ?> rawTemplate, KafkaOperations<?, ?> avroTemplate, MeterRegistry meters) {
        Map<Class<?>, KafkaOperations<?, ?>> byValueType = new LinkedHashMap<>();
        byValueType.put(byte[].class, rawTemplate);
        byValueType.put(Object.class, avroTemplate);
        this.templates = byValueType;
        this.meters = meters;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        if (dlqDestinationResolver == null) {
            return;
        }
        // counted by the record's own topic: one binding may read several (a comma-separated destination)
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(templates, (record, exception) -> {
            TopicPartition target = new TopicPartition(deadLetterTopic(record.topic(), group), -1);
            log.warn("Dead-lettering {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                    target.topic(), scrubbedRootCause(cause(record, exception)));
            Counter.builder("clinic.messaging.dead.letters")
                    .description("records sent to a dead-letter topic")
                    .tag("topic", record.topic())
                    .tag("group", group == null ? "" : group)
                    .register(meters)
                    .increment();
            return target;
        });
        // an exception's message and stack trace may quote the failed event (MessagingException's failedMessage, a
        // record's toString): the dead letter keeps the exception's class and a scrubbed root cause, never them
        publisher.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        publisher.setHeadersFunction((record, exception) -> new RecordHeaders(new Header[] {new RecordHeader(ROOT_CAUSE,
                scrubbedRootCause(cause(record, exception)).getBytes(StandardCharsets.UTF_8))}));
        DefaultErrorHandler handler = new DefaultErrorHandler(publisher, backOff);
        // a batch listener's failure arrives wrapped in a MessagingException that quotes the whole batch: the
        // handler's own retry and seek messages stay at debug (EventBatches and the line above say what failed)
        handler.setLogLevel(KafkaException.Level.DEBUG);
        handler.setBackOffFunction((record, exception) -> isTransient(exception) ? OUTAGE_BACK_OFF : null);
        container.setCommonErrorHandler(handler);
    }

    /**
     * What went wrong with the record: for one that could not be decoded, the decoder's exception the
     * error-handling deserializer kept in its headers (a batch listener only learns that the value is missing).
     */
    private static Throwable cause(ConsumerRecord<?, ?> record, Exception exception) {
        DeserializationException undecodable = record.value() == null ? SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR) : null;
        return undecodable != null ? undecodable : exception;
    }

    /**
     * An outage of the database or the broker is not the record's fault: such failures are retried for as long as
     * it lasts (the partition waits, order is kept) instead of dead-lettering good events.
     */
    static boolean isTransient(Throwable exception) {
        for (Throwable e = exception; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException
                    || e instanceof CannotCreateTransactionException || e instanceof SQLTransientException
                    || e instanceof SQLRecoverableException || e instanceof RetriableException) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;  // connection exceptions
            }
        }
        return false;
    }

    /** 0.5 s doubling up to 5 s between attempts, with no limit on attempts or time. */
    private static BackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(5_000);
        return backOff;
    }

    /** The binder's default name, so tools that know Spring Cloud Stream find the dead letters. */
    public static String deadLetterTopic(String topic, String group) {
        return "error." + topic + "." + group;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    /**
     * The innermost exception as {@code SimpleName: message}, the message cut where it starts quoting data (a
     * payload, a failed message, a record's JSON) and with addresses, phone numbers, dates and long numbers
     * blanked: what staff need to see, and nothing of the patient.
     */
    static String scrubbedRootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + scrub(message));
    }

    static String scrub(String message) {
        Matcher quoted = QUOTED_DATA.matcher(message);
        String kept = quoted.find() ? message.substring(0, quoted.start()).stripTrailing() + " …" : message;
        kept = EMAIL.matcher(kept).replaceAll("[redacted]");
        kept = NUMBERISH.matcher(kept).replaceAll("[redacted]");
        return kept.length() <= MAX_MESSAGE ? kept : kept.substring(0, MAX_MESSAGE) + "…";
    }
}
