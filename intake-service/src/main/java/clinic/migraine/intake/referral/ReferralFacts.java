package clinic.migraine.intake.referral;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What is known about a referral from the events seen so far, in whatever order they arrived. The status is a
 * pure function of these facts, so a booking seen before its eligibility decision still ends in the right
 * status, and a redelivered event changes nothing.
 */
public record ReferralFacts(boolean withdrawn, List<Decision> decisions, List<Appointment> appointments,
        List<Integer> treatedCycles) {

    public record Decision(int cycle, String outcome, Instant occurredAt) {
    }

    /** status: BOOKED, CANCELLED, NOSHOW or FULFILLED. */
    public record Appointment(int cycle, String status) {
        boolean active() {
            return "BOOKED".equals(status);
        }
    }

    public ReferralStatus status() {
        if (withdrawn) {
            return ReferralStatus.DISCONTINUED;
        }
        int lastTreated = treatedCycles.stream().mapToInt(Integer::intValue).max().orElse(0);
        Optional<Decision> newest = decisions.stream()
                .max(Comparator.comparingInt(Decision::cycle).thenComparing(Decision::occurredAt));
        Optional<Appointment> booked = appointments.stream().filter(Appointment::active)
                .max(Comparator.comparingInt(Appointment::cycle));
        if (newest.isPresent() && newest.get().cycle() >= 2 && "NOT_ELIGIBLE".equals(newest.get().outcome())
                && newest.get().cycle() > lastTreated) {
            return ReferralStatus.DISCONTINUED;
        }
        if (booked.isPresent() && booked.get().cycle() > lastTreated) {
            return ReferralStatus.SCHEDULED;
        }
        if (lastTreated > 0) {
            if (newest.isPresent() && newest.get().cycle() > lastTreated
                    && "NEEDS_REVIEW".equals(newest.get().outcome())) {
                return ReferralStatus.NEEDS_REVIEW;
            }
            return ReferralStatus.IN_TREATMENT;
        }
        return newest.map(decision -> ReferralStatus.valueOf(decision.outcome())).orElse(ReferralStatus.RECEIVED);
    }
}
