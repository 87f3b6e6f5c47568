package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.domain.Conflict;
import clinic.migraine.domain.NotFound;

/**
 * A slot freed by a cancellation, offered to the patients waiting for a later visit: offered, not imposed, and
 * the first to take it gets it.
 *
 * @param recipients the visits of the patients it was offered to
 * @param takenBy the visit that took it; null while it is free
 */
public record SlotOffer(UUID id, String providerId, String location, Instant start, Instant end,
        UUID freedAppointment, Instant offeredAt, Set<UUID> recipients, UUID takenBy, Instant takenAt) {

    public SlotOffer {
        recipients = Set.copyOf(recipients);
    }

    /** The offer of a freed visit's slot to the given waiting visits. */
    public static SlotOffer of(UUID id, Appointment freed, Set<UUID> recipients, Instant now) {
        return new SlotOffer(id, freed.providerId(), freed.location(), freed.start(), freed.end(), freed.id(), now,
                recipients, null, null);
    }

    public boolean taken() {
        return takenBy != null;
    }

    /**
     * The patient of {@code visit} takes the slot.
     *
     * @throws NotFound when it was not offered to this visit
     * @throws Conflict when another patient took it first, or it has begun
     */
    public SlotOffer takeFor(UUID visit, Instant now) {
        if (!recipients.contains(visit)) {
            throw new NotFound("offer", id);
        }
        if (taken()) {
            throw new Conflict("This earlier visit has already been taken");
        }
        if (!start.isAfter(now)) {
            throw new Conflict("This earlier visit has begun");
        }
        return new SlotOffer(id, providerId, location, start, end, freedAppointment, offeredAt, recipients, visit,
                now);
    }
}
