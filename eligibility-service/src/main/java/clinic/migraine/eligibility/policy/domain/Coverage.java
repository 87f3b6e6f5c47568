package clinic.migraine.eligibility.policy.domain;

import java.time.LocalDate;

/**
 * What the payer's authorization rule is judged on for one cycle.
 *
 * @param authorization the newest prior authorization on file for the patient and the payer; null when none is
 * @param earliestTreatment the first day the cycle may be treated (84 days after the last treatment, or today)
 */
public record Coverage(Authorization authorization, LocalDate earliestTreatment) {

    /** Nothing on file; the cycle could be treated from {@code day}. */
    public static Coverage noneOnFile(LocalDate day) {
        return new Coverage(null, day);
    }
}
