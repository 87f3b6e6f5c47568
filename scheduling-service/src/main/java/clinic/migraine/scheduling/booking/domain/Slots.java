package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;

import clinic.migraine.domain.RuleBroken;
import clinic.migraine.scheduling.calendar.domain.Slot;

/** The calendar as booking asks it: the slot a visit starting then with that provider would take. */
@FunctionalInterface
public interface Slots {

    /** @throws RuleBroken for an unknown provider, a start off the grid, outside hours, on a closed day or past */
    Slot bookable(Instant start, String providerId);
}
