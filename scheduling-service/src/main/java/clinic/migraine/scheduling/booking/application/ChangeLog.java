package clinic.migraine.scheduling.booking.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The numbered log of appointment changes behind the live feed: a reconnecting page (Last-Event-ID) is replayed
 * what it missed.
 */
public interface ChangeLog {

    /** Logs a change in the caller's transaction; returns its sequence number. */
    long append(UUID appointmentId, FeedChange kind, Instant at);

    /** At most {@code limit} changes after {@code seq}, oldest first. */
    List<Entry> after(long seq, int limit);

    record Entry(long seq, UUID appointmentId, FeedChange kind) {
    }
}
