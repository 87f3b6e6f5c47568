package clinic.migraine.followup.checkin.domain;

import java.util.Set;

/**
 * What a patient sent through a link, before it is recorded.
 *
 * @param headacheDaysLast30 the diary's measure, which the continuation test reads
 * @param headacheDaysSinceVisit what the check-in page asks two weeks after the injections; kept apart
 * @param note the patient's own words: stored for staff, never logged or published
 */
public record Reply(Set<SideEffect> sideEffects, Integer headacheDaysLast30, Integer headacheDaysSinceVisit,
        Feeling feeling, String note) {

    public Reply {
        sideEffects = Set.copyOf(sideEffects);
    }

    /** The triage: any sign of toxin spread makes the reply urgent, whatever else it says. */
    public boolean urgent() {
        return sideEffects.stream().anyMatch(SideEffect::signOfToxinSpread);
    }

    /** Not urgent, yet a clinician should see it: a drooping eyelid alone, or neck weakness. */
    public boolean clinicianTask() {
        return !urgent() && sideEffects.stream().anyMatch(SideEffect::forAClinician);
    }
}
