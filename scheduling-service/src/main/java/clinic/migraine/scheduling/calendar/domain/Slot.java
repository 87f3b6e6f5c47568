package clinic.migraine.scheduling.calendar.domain;

import java.time.OffsetDateTime;

/** One bookable visit: ISO-8601 times with the clinic's offset on that day. */
public record Slot(OffsetDateTime start, OffsetDateTime end, String providerId, String location) {
}
