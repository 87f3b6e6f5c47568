package clinic.migraine.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a treatment visit as the patient's calendar should show it; its words (summary, description) are
 * written here once for every service.
 *
 * @param sequence the visit's version as scheduling counts it: 0 when booked, one more at every move and at the
 *     cancellation or missed visit; a calendar keeps the highest it has seen
 * @param zone the clinic's zone: the times are written in it, with its VTIMEZONE
 * @param providerName the injector as patients know them; null when not known
 * @param attendeeEmail the patient's address; null when it is not known (never guessed)
 * @param cancelled true once the visit is cancelled or missed: the calendar removes the entry
 */
public record CalendarVisit(UUID appointmentId, int sequence, int cycle, Instant start, Instant end, ZoneId zone,
        String providerName, String location, String attendeeEmail, boolean cancelled) {

    public CalendarVisit {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
    }

    public String summary() {
        return "Botox treatment for migraine, cycle " + cycle;
    }

    public String description() {
        return (providerName == null || providerName.isBlank() ? "Injection visit." : "Injection visit with "
                + providerName.strip() + ".") + "\nPlease arrive 10 minutes early.";
    }
}
