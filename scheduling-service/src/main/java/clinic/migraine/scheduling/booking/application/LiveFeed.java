package clinic.migraine.scheduling.booking.application;

import java.util.UUID;

/**
 * The pages watching the board on this instance: told of each committed change of the {@link ChangeLog}, made on
 * this instance or another, in the order the changes committed.
 */
public interface LiveFeed {

    void changed(UUID appointmentId, FeedChange kind, long seq);
}
