package clinic.migraine.testsupport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Dose records for {@code POST /api/appointments/{id}/complete}, as a clinician would send them. */
public final class Doses {

    /** The PREEMPT fixed-site plan, 155 U at 31 sites. */
    public static final String PREEMPT_SITES = """
            [{"muscle":"PROCERUS","side":"MIDLINE","injections":1,"units":5},
             {"muscle":"CORRUGATOR","side":"BILATERAL","injections":2,"units":10},
             {"muscle":"FRONTALIS","side":"BILATERAL","injections":4,"units":20},
             {"muscle":"TEMPORALIS","side":"BILATERAL","injections":8,"units":40},
             {"muscle":"OCCIPITALIS","side":"BILATERAL","injections":6,"units":30},
             {"muscle":"CERVICAL_PARASPINAL","side":"BILATERAL","injections":4,"units":20},
             {"muscle":"TRAPEZIUS","side":"BILATERAL","injections":6,"units":30}]""";

    private Doses() {
    }

    /** The PREEMPT plan from the given lot, given a moment ago, nothing wasted. */
    public static String preempt(String lot) {
        return preempt(lot, Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS), 0);
    }

    /** The PREEMPT plan from the given lot (expiring in 2030), given at {@code at}. */
    public static String preempt(String lot, Instant at, int wastedUnits) {
        return "{\"administeredAt\":\"" + at + "\",\"product\":\"onabotulinumtoxinA\",\"lot\":\"" + lot
                + "\",\"lotExpiry\":\"2030-01-31\",\"sites\":" + PREEMPT_SITES + ",\"wastedUnits\":" + wastedUnits
                + "}";
    }
}
