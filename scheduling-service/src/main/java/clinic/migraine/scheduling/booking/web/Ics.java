package clinic.migraine.scheduling.booking.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import clinic.migraine.scheduling.booking.domain.Appointment;

/** An RFC 5545 calendar with one VEVENT for an appointment; times in UTC, lines ended with CRLF. */
final class Ics {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {
    }

    static String of(Appointment a, String providerName, Instant stamp) {
        boolean cancelled = a.status().name().equals("cancelled");
        return String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Migraine clinic//Scheduling//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:" + (cancelled ? "CANCEL" : "PUBLISH"),
                "BEGIN:VEVENT",
                "UID:" + a.id() + "@migraine-clinic",
                "DTSTAMP:" + UTC.format(stamp),
                "DTSTART:" + UTC.format(a.start()),
                "DTEND:" + UTC.format(a.end()),
                "SUMMARY:" + escape("Botox treatment for migraine, cycle " + a.cycle()),
                "LOCATION:" + escape(a.location()),
                "DESCRIPTION:" + escape("Injection visit with " + (providerName == null ? a.providerId() : providerName)
                        + ". Please arrive 10 minutes early."),
                "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"),
                "END:VEVENT",
                "END:VCALENDAR",
                "");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
