package clinic.migraine.intake.referral.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What is known about a referral from the events seen so far, in whatever order they arrived. The status is a
 * pure function of these facts, so a booking seen before its eligibility decision still ends in the right
 * status, and a redelivered event changes nothing.
 */
public record ReferralFacts(boolean withdrawn, List<CycleOutcome> decisions, List<Visit> appointments,
        List<Integer> treatedCycles) {

    public record CycleOutcome(int cycle, EligibilityOutcome outcome, Instant occurredAt) {
    }

    /** status: BOOKED, CANCELLED, NOSHOW or FULFILLED. */
    public record Visit(int cycle, VisitState status) {
        boolean active() {
            return status == VisitState.BOOKED;
        }
    }

    public ReferralStatus status() {
        if (withdrawn) {
            return ReferralStatus.DISCONTINUED;
        }
        int lastTreated = treatedCycles.stream().mapToInt(Integer::intValue).max().orElse(0);
        Optional<CycleOutcome> newest = decisions.stream()
                .max(Comparator.comparingInt(CycleOutcome::cycle).thenComparing(CycleOutcome::occurredAt));
        Optional<Visit> booked = appointments.stream().filter(Visit::active)
                .max(Comparator.comparingInt(Visit::cycle));
        if (newest.isPresent() && newest.get().cycle() >= 2 && newest.get().outcome() == EligibilityOutcome.NOT_ELIGIBLE
                && newest.get().cycle() > lastTreated) {
            return ReferralStatus.DISCONTINUED;
        }
        if (booked.isPresent() && booked.get().cycle() > lastTreated) {
            return ReferralStatus.SCHEDULED;
        }
        if (lastTreated > 0) {
            if (newest.isPresent() && newest.get().cycle() > lastTreated
                    && newest.get().outcome() == EligibilityOutcome.NEEDS_REVIEW) {
                return ReferralStatus.NEEDS_REVIEW;
            }
            return ReferralStatus.IN_TREATMENT;
        }
        return newest.map(decision -> ReferralStatus.valueOf(decision.outcome().name())).orElse(ReferralStatus.RECEIVED);
    }
}
