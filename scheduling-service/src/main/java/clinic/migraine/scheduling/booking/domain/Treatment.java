package clinic.migraine.scheduling.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import clinic.migraine.domain.Violation;

/**
 * The dose record of one visit, exactly as the clinician entered it: nothing here is filled in for them.
 *
 * @param administeredAt when the injections were given (not the scheduled start)
 * @param product the toxin, onabotulinumtoxinA
 * @param wastedUnits units drawn up or left in the vial and discarded (billed with JW; none: JZ)
 * @param overrideReason why a dose above the label's maximum was given (null when none was)
 * @param injector the clinician signed in when it was recorded (null until {@link Appointment#markTreated})
 */
public record Treatment(Instant administeredAt, String product, String lot, LocalDate lotExpiry,
        List<InjectionSite> sites, int wastedUnits, String overrideReason, String note, String injector) {

    /** The label's maximum for chronic migraine (155 U PREEMPT plus up to 40 U follow-the-pain). */
    public static final int MAXIMUM_UNITS = 195;
    /** 31 fixed sites plus up to 8 follow-the-pain sites. */
    public static final int MAXIMUM_INJECTIONS = 39;
    public Treatment {
        sites = List.copyOf(sites);
    }

    public int totalUnits() {
        return sites.stream().mapToInt(InjectionSite::units).sum();
    }

    public int totalInjections() {
        return sites.stream().mapToInt(InjectionSite::injections).sum();
    }

    public boolean overridden() {
        return overrideReason != null && !overrideReason.isBlank();
    }

    /** The dose is above the label's maximum in units or in sites, which only a stated reason allows. */
    public boolean aboveLabelMaximum() {
        return totalUnits() > MAXIMUM_UNITS || totalInjections() > MAXIMUM_INJECTIONS;
    }

    /** The claim lines: J0585 per unit given, and JW per unit wasted or JZ when none was. */
    public BillingLine billing() {
        return new BillingLine(totalUnits(), wastedUnits);
    }

    /** The same record, signed by the clinician who entered it. */
    Treatment by(String clinician) {
        return new Treatment(administeredAt, product, lot, lotExpiry, sites, wastedUnits, overrideReason, note,
                clinician);
    }

    /**
     * What keeps this record from being kept for a visit starting at {@code start}: a time in the future or
     * further than {@code within} from the visit, a lot expired before the day, a dose above the label's maximum
     * without a reason.
     */
    List<Violation> problems(Instant start, Instant now, ZoneId zone, Duration within) {
        List<Violation> problems = new ArrayList<>();
        if (administeredAt.isAfter(now)) {
            problems.add(new Violation("administeredAt", "is in the future"));
        } else if (Duration.between(start, administeredAt).abs().compareTo(within) > 0) {
            problems.add(new Violation("administeredAt", "is more than " + hours(within)
                    + " from the appointment's start"));
        }
        LocalDate day = administeredAt.atZone(zone).toLocalDate();
        if (lotExpiry.isBefore(day)) {
            problems.add(new Violation("lotExpiry", "the lot expired on " + lotExpiry + ", before the treatment"));
        }
        if (!overridden() && totalUnits() > MAXIMUM_UNITS) {
            problems.add(new Violation("sites", "total " + totalUnits() + " U is above " + MAXIMUM_UNITS
                    + " U: give an overrideReason to record it"));
        }
        if (!overridden() && totalInjections() > MAXIMUM_INJECTIONS) {
            problems.add(new Violation("sites", totalInjections() + " injections are above " + MAXIMUM_INJECTIONS
                    + ": give an overrideReason to record them"));
        }
        return problems;
    }

    private static String hours(Duration duration) {
        return duration.toHours() == 1 ? "1 hour" : duration.toHours() + " hours";
    }

    /**
     * The billing of one treatment.
     *
     * @param units J0585 (onabotulinumtoxinA, 1 unit) × units administered
     * @param wastedUnits JW × units discarded; when none, the administered line carries JZ
     */
    public record BillingLine(int units, int wastedUnits) {

        public boolean zeroWaste() {
            return wastedUnits == 0;
        }

        /** "J0585-JZ × 155" or "J0585 × 155, J0585-JW × 45". */
        public String text() {
            return zeroWaste() ? "J0585-JZ × " + units : "J0585 × " + units + ", J0585-JW × " + wastedUnits;
        }
    }
}
