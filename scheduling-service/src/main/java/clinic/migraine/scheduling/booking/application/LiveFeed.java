package clinic.migraine.scheduling.booking.application;

import java.util.UUID;

/** Outbound port to the pages watching the board: told of each change once its transaction commits. */
public interface LiveFeed {

    void changed(UUID appointmentId, FeedChange kind, long seq);
}
