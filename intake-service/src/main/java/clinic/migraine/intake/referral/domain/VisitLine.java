package clinic.migraine.intake.referral.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A visit as intake heard of it, in the clinic's offset; {@code status} BOOKED, CANCELLED, NOSHOW or FULFILLED;
 * {@code providerName} null for older events.
 */
public record VisitLine(UUID id, int cycle, OffsetDateTime start, OffsetDateTime end, String providerId,
        String providerName, String location, VisitState status) {
}
