package clinic.migraine.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.outbox.*}: how the relay polls and batches, and how long published events are kept.
 *
 * @param retention a published row is deleted this long after it was published (7 days); an unpublished one never
 * @param cleanupInterval how often each instance deletes the expired rows (hourly, the first run a minute after
 *        start, or sooner when the interval is shorter)
 * @param cleanupBatchSize at most this many rows go in one delete, each its own short transaction
 */
@ConfigurationProperties("clinic.outbox")
public record OutboxProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration cleanupInterval,
        @DefaultValue("1000") int cleanupBatchSize) {

    public OutboxProperties {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("clinic.outbox.retention must not be negative, not " + retention);
        }
        if (cleanupInterval.isZero() || cleanupInterval.isNegative() || cleanupBatchSize < 1) {
            throw new IllegalArgumentException("clinic.outbox.cleanup-interval and cleanup-batch-size must be positive");
        }
    }
}
