package clinic.migraine.followup.plan.application;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import clinic.migraine.followup.plan.domain.KnownAppointment;

/** The RFC 5545 invitation attached to a booking confirmation (method REQUEST, times in UTC, CRLF lines). */
final class Invitation {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Invitation() {
    }

    static String of(KnownAppointment a, Instant stamp) {
        return String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Migraine clinic//Follow-up//EN",
                "METHOD:REQUEST",
                "BEGIN:VEVENT",
                "UID:" + a.id() + "@migraine-clinic",
                "DTSTAMP:" + UTC.format(stamp),
                "DTSTART:" + UTC.format(a.start()),
                "DTEND:" + UTC.format(a.end()),
                "SUMMARY:Botox treatment for migraine",
                "LOCATION:" + a.location().replace(",", "\\,").replace(";", "\\;"),
                "STATUS:CONFIRMED",
                "END:VEVENT",
                "END:VCALENDAR",
                "");
    }
}
