package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;

/**
 * Where a cycle may be booked: a first course after the lead time; any cycle no sooner than the minimum interval
 * (84 days) after the day of the patient's last treatment, whichever referral or clinic gave it, a later cycle
 * preferably within the preferred window after that.
 *
 * @param earliest where the search for a slot starts
 * @param preferredUntil end of the preferred window (null for a first course)
 * @param notBefore the earliest start allowed (null when the patient has never been treated)
 * @param previous the referral's last treated visit, whose provider and time of day a later cycle prefers (null
 *        for a first course)
 * @param bookableBefore no visit may start at or after this (the day after the payer's authorization ends; null
 *        when the payer needs none)
 */
public record CycleWindow(Instant earliest, Instant preferredUntil, Instant notBefore, Appointment previous,
        Instant bookableBefore) {

    /** The window of {@code cycle}, given every appointment the referral has had and nothing else of the patient. */
    public static CycleWindow of(int cycle, List<Appointment> ofReferral, Instant now, BookingRules rules) {
        return of(cycle, ofReferral, List.of(), now, rules);
    }

    /**
     * The window of {@code cycle}, given every appointment the referral has had and the days the patient was
     * treated otherwise: in the visits of their other referrals, or elsewhere (the referral's outside treatments).
     */
    public static CycleWindow of(int cycle, List<Appointment> ofReferral, List<LocalDate> otherTreatmentDays,
            Instant now, BookingRules rules) {
        ZoneId zone = rules.zone();
        Instant afterLead = ClinicCalendar.plusBusinessDays(LocalDate.ofInstant(now, zone), rules.leadBusinessDays())
                .atStartOfDay(zone).toInstant();
        Optional<Appointment> lastTreatment = ofReferral.stream()
                .filter(a -> a.status() == AppointmentStatus.fulfilled)
                .max(Comparator.comparing(Appointment::start));
        Optional<LocalDate> lastDay = Stream.concat(
                        lastTreatment.map(a -> a.start().atZone(zone).toLocalDate()).stream(),
                        otherTreatmentDays.stream())
                .max(Comparator.naturalOrder());
        if (lastDay.isEmpty()) {
            return new CycleWindow(afterLead, null, null, null, null);
        }
        Instant notBefore = lastDay.get().plusDays(rules.minimumInterval().toDays()).atStartOfDay(zone).toInstant();
        if (cycle == 1 || lastTreatment.isEmpty()) {
            // a first course after an injection elsewhere: the interval and the lead time, no preference
            return new CycleWindow(notBefore.isAfter(afterLead) ? notBefore : afterLead, null, notBefore, null, null);
        }
        Instant until = notBefore.plus(rules.preferredWindow());
        Instant earliest = notBefore.isAfter(now) ? notBefore : afterLead;
        return new CycleWindow(earliest, until, notBefore, lastTreatment.get(), null);
    }

    /** The same window, closed after the last day of the payer's prior authorization (none: unchanged). */
    public CycleWindow authorizedUntil(LocalDate lastDay, ZoneId zone) {
        return lastDay == null ? this
                : new CycleWindow(earliest, preferredUntil, notBefore, previous,
                        lastDay.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * @throws TooEarly when a visit starting then would be too soon after the last treatment
     * @throws AuthorizationEnds when it would start after the payer's authorization has ended
     */
    public void admit(Instant start, BookingRules rules) {
        if (notBefore != null && start.isBefore(notBefore)) {
            throw rules.tooEarly(notBefore);
        }
        if (bookableBefore != null && !start.isBefore(bookableBefore)) {
            throw new AuthorizationEnds(bookableBefore.atZone(rules.zone()).toLocalDate().minusDays(1));
        }
    }

    /** Where the search for a slot must stop: the horizon, or the end of the authorization when sooner. */
    public Instant searchUntil(Instant horizon) {
        return bookableBefore != null && bookableBefore.isBefore(horizon) ? bookableBefore : horizon;
    }

    /** True for a later cycle, which prefers its window and the previous provider and time of day. */
    public boolean hasPreference() {
        return previous != null && preferredUntil != null;
    }
}
