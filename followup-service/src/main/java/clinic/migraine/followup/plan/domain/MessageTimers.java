package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.UUID;

/** Durable timers that join the caller's transaction: a timer exists exactly when its plan was committed. */
public interface MessageTimers {

    void sendAt(UUID messageId, Instant at);

    /** Once per referral and cycle, however often it is asked for. */
    void checkCycleAt(CycleCheck check, Instant at);
}
