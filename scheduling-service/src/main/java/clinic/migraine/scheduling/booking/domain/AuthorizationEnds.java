package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import clinic.migraine.domain.RuleBroken;
import clinic.migraine.domain.Violation;

/** The payer's prior authorization covers visits up to its last day; a visit after it would not be paid. */
public class AuthorizationEnds extends RuleBroken {

    public AuthorizationEnds(LocalDate lastDay) {
        super("The prior authorization ends on " + lastDay + ": book on or before it, or renew it first",
                new Violation("start", "is after " + lastDay));
    }

    /** @throws AuthorizationEnds when a visit starting then falls after the authorization's last day */
    public static void check(Instant start, LocalDate lastDay, ZoneId zone) {
        if (start.atZone(zone).toLocalDate().isAfter(lastDay)) {
            throw new AuthorizationEnds(lastDay);
        }
    }
}
