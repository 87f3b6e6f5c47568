package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * When planned things are due. A message is due at its {@code due_at}, which the senders look for; a cycle check
 * is a durable timer that joins the caller's transaction, so it exists exactly when its plan was committed.
 */
public interface MessageTimers {

    /** A message was planned in the caller's transaction: when it is due now, the senders look at once after commit. */
    void sendAt(UUID messageId, Instant at);

    /** Once per referral and cycle, however often it is asked for. */
    void checkCycleAt(CycleCheck check, Instant at);
}
