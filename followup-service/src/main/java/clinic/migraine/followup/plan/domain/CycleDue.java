package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The next treatment cycle is due: eligibility decides whether it is covered, scheduling books it no earlier than
 * {@code earliestDate}. {@code latestHeadacheDays} is the diary's latest answer, null when none was given.
 */
public record CycleDue(UUID referralId, int completedCycle, LocalDate lastTreatmentDate, LocalDate earliestDate,
        Integer latestHeadacheDays, Instant occurredAt) {

    public int nextCycle() {
        return completedCycle + 1;
    }
}
