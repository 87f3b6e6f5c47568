package clinic.migraine.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline's verdicts, apart from the measuring so that each rule can be tried on made-up figures.
 *
 * <p>Sustained: every referral sent was accepted and booked, no HTTP error, the consumer groups' lag sampled
 * while sending never above {@link #LAG_BOUND_SECONDS} of the offered work, and everything drained within a
 * fixed {@link #GRACE_SECONDS} after the last send. A rate above capacity grows the lag while it is offered and
 * needs longer than the grace to drain, whatever the length of the step.
 */
final class Verdicts {

    /** After the last send, every referral booked and every group caught up within this. */
    static final double GRACE_SECONDS = 3;

    /** The lag while sending stays below this many seconds of offered work. */
    static final double LAG_BOUND_SECONDS = 2;

    /** The smallest lag bound in records (a slow rate's few records in flight are no backlog). */
    static final long LAG_BOUND_FLOOR = 20;

    /** A verdict and, when it is not met, every reason why. */
    record Verdict(boolean met, List<String> reasons) {

        static Verdict of(List<String> reasons) {
            return new Verdict(reasons.isEmpty(), List.copyOf(reasons));
        }
    }

    /**
     * The lag in records that {@link #LAG_BOUND_SECONDS} of work at this rate leaves unread.
     *
     * @param lagRecordsPerReferral records the services' consumer groups read per referral (all groups together)
     */
    static long lagBound(int perSecond, double lagRecordsPerReferral) {
        return Math.max(LAG_BOUND_FLOOR, (long) Math.ceil(LAG_BOUND_SECONDS * perSecond * lagRecordsPerReferral));
    }

    /**
     * @param maxLagWhileSending the highest total lag sampled from the first send until the last
     * @param secondsAfterLastSend from the last send until every referral was booked and the lag was 0; negative
     *        when that never happened within the drain time
     */
    static Verdict sustained(int submitted, int accepted, int httpErrors, int booked, long maxLagWhileSending,
            long lagBound, double secondsAfterLastSend) {
        List<String> reasons = new ArrayList<>();
        if (httpErrors > 0) {
            reasons.add(httpErrors + " HTTP error(s)");
        }
        if (accepted + httpErrors < submitted) {
            reasons.add((submitted - accepted - httpErrors) + " answer(s) missing");
        }
        if (booked < accepted) {
            reasons.add((accepted - booked) + " accepted but not booked");
        }
        if (maxLagWhileSending > lagBound) {
            reasons.add("lag while sending reached " + maxLagWhileSending + " records (bound " + lagBound + ")");
        }
        if (secondsAfterLastSend < 0) {
            reasons.add("not drained");
        } else if (secondsAfterLastSend > GRACE_SECONDS) {
            reasons.add("drained %.1f s after the last send (grace %.0f s)".formatted(secondsAfterLastSend,
                    GRACE_SECONDS));
        }
        return Verdict.of(reasons);
    }

    /**
     * The latency target of one rate: measured from each referral's planned send instant (so intake's own queue
     * counts), on a sustained rate without errors, with every accepted referral measured and no negative time.
     */
    static Verdict p99(Pipeline.Step step, double targetMillis) {
        List<String> reasons = new ArrayList<>();
        if (!step.sustained()) {
            reasons.add("rate not sustained (" + String.join("; ", step.sustainedVerdict().reasons()) + ")");
        }
        if (step.httpErrors() > 0) {
            reasons.add(step.httpErrors() + " HTTP error(s)");
        }
        Percentiles latency = step.plannedToBooked();
        if (latency.negative() > 0) {
            reasons.add(latency.negative() + " negative planned → booked time(s): a harness bug");
        }
        if (latency.count() + latency.negative() < step.accepted()) {
            reasons.add((step.accepted() - latency.count() - latency.negative()) + " accepted referral(s) not measured");
        }
        if (latency.count() == 0) {
            reasons.add("nothing measured");
        } else if (latency.p99() > targetMillis) {
            reasons.add("p99 %.0f ms above %.0f ms".formatted(latency.p99(), targetMillis));
        }
        return Verdict.of(reasons);
    }

    /**
     * The idle stack's target: every one of the sequential referrals after the first booked and measured, no
     * negative time, accepted → booked p50 and max within their targets.
     */
    static Verdict idle(int referrals, Percentiles acceptedToBooked, int notBooked, double p50TargetMillis,
            double maxTargetMillis) {
        List<String> reasons = new ArrayList<>();
        if (notBooked > 0) {
            reasons.add("a referral not booked in time (the scenario stopped there)");
        }
        if (acceptedToBooked.negative() > 0) {
            reasons.add(acceptedToBooked.negative() + " negative accepted → booked time(s): a harness bug");
        }
        long measured = acceptedToBooked.count() + acceptedToBooked.negative();
        if (measured < referrals) {
            reasons.add((referrals - measured) + " of " + referrals + " referral(s) not measured");
        }
        if (acceptedToBooked.count() > 0 && acceptedToBooked.p50() > p50TargetMillis) {
            reasons.add("p50 %.0f ms above %.0f ms".formatted(acceptedToBooked.p50(), p50TargetMillis));
        }
        if (acceptedToBooked.count() > 0 && acceptedToBooked.max() > maxTargetMillis) {
            reasons.add("max %.0f ms above %.0f ms".formatted(acceptedToBooked.max(), maxTargetMillis));
        }
        return Verdict.of(reasons);
    }

    /**
     * Saturated: the system could not keep up with the offered rate, so the events/s it reached is its capacity
     * and not the offered rate: it did not drain, or needed longer than the grace and at least as long again as
     * the sending (a send shorter than one referral's latency is no backlog).
     */
    static boolean saturated(Pipeline.Step step) {
        double after = step.secondsAfterLastSend();
        return after < 0 || after > GRACE_SECONDS && after >= step.sendSeconds();
    }

    private Verdicts() {
    }
}
