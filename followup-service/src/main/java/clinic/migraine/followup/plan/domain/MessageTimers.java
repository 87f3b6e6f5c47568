package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.UUID;

/** Durable timers that join the caller's transaction: a timer exists exactly when its plan was committed. */
public interface MessageTimers {

    void sendAt(UUID messageId, Instant at);

    /** A second timer for a message whose first one already ran (an urgent send a crash interrupted). */
    void sendAgainAt(UUID messageId, Instant at);

    /** Once per referral and cycle, however often it is asked for. */
    void checkCycleAt(CycleCheck check, Instant at);
}
