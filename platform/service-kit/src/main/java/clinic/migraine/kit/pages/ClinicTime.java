package clinic.migraine.kit.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Every time on a page is shown in the clinic's zone and says which zone that is ({@code clinic.time-zone}).
 * Templates call {@code ${@clinicTime.format(instant)}}.
 */
public class ClinicTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z",
            Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;

    public ClinicTime(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** "Tue 8 Dec 2026, 09:30 PST"; empty for null. */
    public String format(TemporalAccessor time) {
        ZonedDateTime local = inZone(time);
        return local == null ? "" : DATE_TIME.format(local);
    }

    /** "09:30" in the clinic's zone. */
    public String time(TemporalAccessor time) {
        ZonedDateTime local = inZone(time);
        return local == null ? "" : TIME.format(local);
    }

    /** "Tue 8 Dec 2026". */
    public String date(TemporalAccessor time) {
        if (time instanceof LocalDate date) {
            return DATE.format(date);
        }
        ZonedDateTime local = inZone(time);
        return local == null ? "" : DATE.format(local);
    }

    private ZonedDateTime inZone(TemporalAccessor time) {
        if (time == null) {
            return null;
        }
        if (time instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (time instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (time instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        return Instant.from(time).atZone(zone);
    }
}
