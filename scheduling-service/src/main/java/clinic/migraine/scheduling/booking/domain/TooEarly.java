package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import clinic.migraine.domain.RuleBroken;
import clinic.migraine.domain.Violation;

/** A later cycle may not start before its earliest day: treatments are at least the minimum interval apart. */
public class TooEarly extends RuleBroken {

    private final LocalDate earliest;

    public TooEarly(Instant notBefore, ZoneId zone, long minimumDays) {
        this(notBefore.atZone(zone).toLocalDate(), minimumDays);
    }

    private TooEarly(LocalDate earliest, long minimumDays) {
        super("Treatments must be at least " + minimumDays + " days apart: the earliest start is " + earliest,
                new Violation("start", "is before " + earliest));
        this.earliest = earliest;
    }

    /** The first clinic day a visit of this cycle may start. */
    public LocalDate earliest() {
        return earliest;
    }
}
