package clinic.migraine.eligibility.policy.domain;

import java.time.LocalDate;

/**
 * The payer's prior authorization on file for a patient: its dates and how many treatments it covers. Valid on
 * both its first and its last day.
 *
 * @param treatmentsUsed the patient's treatments inside its dates, counted from the treatments recorded
 */
public record Authorization(String number, LocalDate validFrom, LocalDate validUntil, int treatmentsAuthorized,
        int treatmentsUsed) {

    public int treatmentsLeft() {
        return Math.max(0, treatmentsAuthorized - treatmentsUsed);
    }

    public boolean usedUp() {
        return treatmentsLeft() == 0;
    }

    /** Whether a treatment on or after {@code earliest} can still fall inside it. */
    public boolean coversFrom(LocalDate earliest) {
        return !validUntil.isBefore(earliest);
    }
}
