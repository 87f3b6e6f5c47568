package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import clinic.migraine.scheduling.calendar.domain.ClinicCalendar;

/**
 * Where a cycle may be booked: a first course after the lead time; a later cycle no sooner than the minimum
 * interval (84 days) after the day of the referral's last treatment, preferably within the preferred window
 * after that.
 *
 * @param earliest where the search for a slot starts
 * @param preferredUntil end of the preferred window (null for a first course)
 * @param notBefore the earliest start allowed (null for a first course)
 * @param previous the last treated visit (null for a first course)
 */
public record CycleWindow(Instant earliest, Instant preferredUntil, Instant notBefore, Appointment previous) {

    /** The window of {@code cycle}, given every appointment the referral has had. */
    public static CycleWindow of(int cycle, List<Appointment> ofReferral, Instant now, BookingRules rules) {
        ZoneId zone = rules.zone();
        Instant afterLead = ClinicCalendar.plusBusinessDays(LocalDate.ofInstant(now, zone), rules.leadBusinessDays())
                .atStartOfDay(zone).toInstant();
        Optional<Appointment> lastTreatment = ofReferral.stream()
                .filter(a -> a.status() == AppointmentStatus.fulfilled)
                .max(Comparator.comparing(Appointment::start));
        if (cycle == 1 || lastTreatment.isEmpty()) {
            return new CycleWindow(afterLead, null, null, null);
        }
        LocalDate treated = lastTreatment.get().start().atZone(zone).toLocalDate();
        Instant notBefore = treated.plusDays(rules.minimumInterval().toDays()).atStartOfDay(zone).toInstant();
        Instant until = notBefore.plus(rules.preferredWindow());
        Instant earliest = notBefore.isAfter(now) ? notBefore : afterLead;
        return new CycleWindow(earliest, until, notBefore, lastTreatment.get());
    }

    /** @throws TooEarly when a visit starting then would be too soon after the last treatment */
    public void admit(Instant start, BookingRules rules) {
        if (notBefore != null && start.isBefore(notBefore)) {
            throw rules.tooEarly(notBefore);
        }
    }

    /** True for a later cycle, which prefers its window and the previous provider and time of day. */
    public boolean hasPreference() {
        return previous != null && preferredUntil != null;
    }
}
