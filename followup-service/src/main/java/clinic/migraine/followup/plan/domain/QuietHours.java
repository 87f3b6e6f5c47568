package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Nothing goes out in the patient's quiet hours (by default 21:00 to 09:00 their local time); a message due
 * then is held until the end of them, on whatever offset that local morning has.
 */
public record QuietHours(LocalTime from, LocalTime until) {

    public Instant nextAllowed(Instant due, ZoneId patientZone) {
        ZonedDateTime local = due.atZone(patientZone);
        LocalTime time = local.toLocalTime();
        boolean quiet = from.isAfter(until)
                ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return due;
        }
        ZonedDateTime morning = local.toLocalDate().atTime(until).atZone(patientZone);
        if (!time.isBefore(from) && from.isAfter(until)) {
            morning = local.toLocalDate().plusDays(1).atTime(until).atZone(patientZone);
        }
        return morning.toInstant();
    }
}
