package clinic.migraine.followup.plan.domain;

import java.time.Duration;
import java.util.UUID;

/**
 * How an urgent alert nobody acknowledges reaches the on-call staff: {@code times} escalations, one every
 * {@code every} after the alert (15 minutes, 3 times: at +15, +30 and +45 minutes), by email to the on-call list
 * and, when an on-call phone is configured, by SMS. Acknowledging the alert cancels those still ahead.
 */
public record Escalation(Duration every, int times, boolean bySms) {

    public Escalation {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the escalation interval must be positive");
        }
        if (times < 0) {
            throw new IllegalArgumentException("escalations cannot be fewer than none");
        }
    }

    /** The subject every message about one urgent answer shares: the alert, the advice, the escalations. */
    public static String subjectOf(UUID answerId) {
        return "urgent:" + answerId;
    }
}
