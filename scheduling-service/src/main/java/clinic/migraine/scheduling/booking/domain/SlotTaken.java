package clinic.migraine.scheduling.booking.domain;

import clinic.migraine.domain.Conflict;

/**
 * Another appointment holds the slot, or the referral already has one for that cycle. The database decides (its
 * exclusion and unique constraints), so it is raised by the store, never guessed from a read.
 */
public class SlotTaken extends Conflict {

    public SlotTaken(String message) {
        super(message);
    }
}
