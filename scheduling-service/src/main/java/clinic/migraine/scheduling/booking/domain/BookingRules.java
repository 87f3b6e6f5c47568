package clinic.migraine.scheduling.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clinic's booking rules, from configuration.
 *
 * @param zone the clinic's time zone: days and the 84-day interval are counted in it
 * @param leadBusinessDays a first visit is booked no sooner than this many business days ahead
 * @param minimumInterval the shortest time between two treatments (84 days)
 * @param preferredWindow how long after the minimum interval a later cycle is preferably booked
 * @param horizon how far ahead booking looks for a free slot
 * @param rebookNoShows whether a missed visit is booked again by itself
 * @param maxConsecutiveNoShows after this many no-shows in a row the schedulers rebook by hand
 * @param fillCancellations whether a freed slot is offered to the patients booked later
 * @param fillCancellationsWithin only slots freed this close to now are offered
 * @param recordTreatmentWithin how far from a visit's start the time a treatment was given may be (12 hours)
 */
public record BookingRules(ZoneId zone, int leadBusinessDays, Duration minimumInterval, Duration preferredWindow,
        Duration horizon, boolean rebookNoShows, int maxConsecutiveNoShows, boolean fillCancellations,
        Duration fillCancellationsWithin, Duration recordTreatmentWithin) {

    /** True when a patient who has now missed {@code inARow} visits in a row is booked again automatically. */
    public boolean rebooksAfter(int inARow) {
        return rebookNoShows && inARow < maxConsecutiveNoShows;
    }

    /** A freed slot is offered only this far ahead at least: a patient needs time to arrange the earlier visit. */
    public static final Duration OFFER_AT_LEAST_AHEAD = Duration.ofHours(48);

    /**
     * True when a slot freed now is soon enough to offer to someone booked later, and far enough ahead (48 hours)
     * for them to take it.
     */
    public boolean offersFreedSlot(Appointment freed, Instant now) {
        return fillCancellations && !freed.start().isBefore(now.plus(OFFER_AT_LEAST_AHEAD))
                && !freed.start().isAfter(now.plus(fillCancellationsWithin));
    }

    TooEarly tooEarly(Instant notBefore) {
        return new TooEarly(notBefore, zone, minimumInterval.toDays());
    }
}
