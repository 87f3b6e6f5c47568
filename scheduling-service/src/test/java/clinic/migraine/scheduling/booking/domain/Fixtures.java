package clinic.migraine.scheduling.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import clinic.migraine.scheduling.calendar.domain.Slot;

/** Appointments and rules for the domain tests: the demo clinic's zone and its configured defaults. */
final class Fixtures {

    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    static final BookingRules RULES = new BookingRules(ZONE, 2, Duration.ofDays(84), Duration.ofDays(14),
            Duration.ofDays(182), true, 2, true, Duration.ofDays(14), Duration.ofHours(12));
    static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private Fixtures() {
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), ZONE).toInstant();
    }

    static Slot slot(Instant start, String providerId) {
        return new Slot(start.atZone(ZONE).toOffsetDateTime(), start.plus(Duration.ofMinutes(30)).atZone(ZONE)
                .toOffsetDateTime(), providerId, "Marina Del Rey");
    }

    /** The PREEMPT plan given at {@code administeredAt} from lot C1234 (expires in 2030), nothing wasted. */
    static Treatment dose(Instant administeredAt) {
        return dose(administeredAt, InjectionSite.preemptPlan(), null);
    }

    static Treatment dose(Instant administeredAt, java.util.List<InjectionSite> sites, String overrideReason) {
        return new Treatment(administeredAt, "onabotulinumtoxinA", "C1234", LocalDate.of(2030, 1, 31), sites, 0,
                overrideReason, "no reaction", null);
    }

    static Appointment appointment(AppointmentStatus status, int cycle, Instant start, Instant notBefore) {
        return new Appointment(UUID.randomUUID(), REFERRAL, cycle, "prov-1", "Marina Del Rey", start,
                start.plus(Duration.ofMinutes(30)), status, notBefore, 0, null, null, null, null, null, null,
                start.minus(Duration.ofDays(30)), 0);
    }
}
