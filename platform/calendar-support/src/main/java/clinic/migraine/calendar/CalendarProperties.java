package clinic.migraine.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.calendar.*}: who the patient's calendar entries come from. Scheduling and follow-up must be set
 * alike, since both write versions of the same entry.
 *
 * @param organizerEmail the clinic's address as ORGANIZER: where a calendar sends the patient's answer; the
 *     address follow-up sends from ({@code clinic.followup.from-address}) is the natural choice
 * @param organizerName how calendars name the organizer
 * @param uidDomain the right-hand side of every entry's UID ({@code <appointment id>@<uid-domain>}); never change
 *     it once invitations went out, or calendars keep the old entries beside the new ones
 */
@ConfigurationProperties("clinic.calendar")
public record CalendarProperties(
        @DefaultValue("appointments@migraine-clinic.test") String organizerEmail,
        @DefaultValue("Migraine clinic") String organizerName,
        @DefaultValue("migraine-clinic") String uidDomain) {
}
