package clinic.migraine.scheduling.booking.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The numbered log of appointment changes behind the live feed: a reconnecting page (Last-Event-ID) is replayed
 * what it missed. It is shared by every instance of the service: each change, once committed, reaches the
 * {@link LiveFeed} of every instance, whichever instance made it.
 */
public interface ChangeLog {

    /**
     * Logs a change in the caller's transaction; returns its sequence number. Every instance's {@link LiveFeed} is
     * told once the transaction commits (never of a change that was rolled back).
     */
    long append(UUID appointmentId, FeedChange kind, Instant at);

    /** At most {@code limit} changes after {@code seq}, oldest first. */
    List<Entry> after(long seq, int limit);

    record Entry(long seq, UUID appointmentId, FeedChange kind) {
    }
}
