package clinic.migraine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The verdict rules on made-up figures: each one can fail, and fails for the reason it gives. */
class VerdictsTest {

    private static final long BOUND = 100;

    @Test
    void aRateWithEveryReferralBookedLagBoundedAndDrainedWithinTheGraceIsSustained() {
        Verdicts.Verdict verdict = Verdicts.sustained(250, 250, 0, 250, BOUND, BOUND, Verdicts.GRACE_SECONDS);

        assertThat(verdict.met()).as(verdict.reasons().toString()).isTrue();
    }

    @Test
    void anHttpErrorMakesARateNotSustainedEvenWhenTheRestKeptUp() {
        Verdicts.Verdict verdict = Verdicts.sustained(250, 249, 1, 249, 10, BOUND, 1);

        assertThat(verdict.met()).isFalse();
        assertThat(verdict.reasons()).containsExactly("1 HTTP error(s)");
    }

    @Test
    void anAnswerThatNeverCameOrAReferralNotBookedMakesARateNotSustained() {
        assertThat(Verdicts.sustained(250, 249, 0, 249, 10, BOUND, 1).reasons()).containsExactly("1 answer(s) missing");
        assertThat(Verdicts.sustained(250, 250, 0, 248, 10, BOUND, 1).reasons())
                .containsExactly("2 accepted but not booked");
    }

    @Test
    void aLagAboveTheBoundWhileSendingMakesARateNotSustainedEvenIfItDrainsInTime() {
        Verdicts.Verdict verdict = Verdicts.sustained(250, 250, 0, 250, BOUND + 1, BOUND, 1);

        assertThat(verdict.met()).isFalse();
        assertThat(verdict.reasons()).containsExactly("lag while sending reached 101 records (bound 100)");
    }

    @Test
    void drainingLaterThanTheFixedGraceOrNeverMakesARateNotSustained() {
        assertThat(Verdicts.sustained(250, 250, 0, 250, 10, BOUND, Verdicts.GRACE_SECONDS + 0.1).met()).isFalse();
        assertThat(Verdicts.sustained(250, 250, 0, 250, 10, BOUND, -1).reasons()).containsExactly("not drained");
    }

    @Test
    void theGraceDoesNotGrowWithTheLengthOfTheStep() {
        // the old rule allowed 20 % of the step: 60 s after a 300 s step
        assertThat(Verdicts.sustained(7_500, 7_500, 0, 7_500, 10, BOUND, 10).met()).isFalse();
    }

    @Test
    void theLagBoundIsTwoSecondsOfTheOfferedWorkWithAFloor() {
        assertThat(Verdicts.lagBound(100, 12.5)).isEqualTo(2_500);
        assertThat(Verdicts.lagBound(1, 1)).isEqualTo(Verdicts.LAG_BOUND_FLOOR);
    }

    @Test
    void theLatencyVerdictPassesOnASustainedRateWithoutErrorsWithinTheTarget() {
        Pipeline.Step step = step(sustained(), 0, latencies(250, 200, 0));

        assertThat(Verdicts.p99(step, 500).reasons()).isEmpty();
        assertThat(Report.p99Verdict(step)).isEqualTo("PASS");
    }

    @Test
    void aNegativeLatencyFailsTheVerdictInsteadOfCountingAsZero() {
        Latencies measured = new Latencies();
        for (int i = 0; i < 249; i++) {
            measured.recordMillis(200);
        }
        measured.recordMillis(-3);
        Percentiles percentiles = measured.percentiles();

        assertThat(percentiles.negative()).isEqualTo(1);
        assertThat(percentiles.count()).as("not recorded as 0").isEqualTo(249);
        Verdicts.Verdict verdict = Verdicts.p99(step(sustained(), 0, percentiles), 500);
        assertThat(verdict.met()).isFalse();
        assertThat(verdict.reasons()).containsExactly("1 negative planned → booked time(s): a harness bug");
    }

    @Test
    void theLatencyVerdictFailsOnErrorsOnARateNotSustainedAndAboveTheTarget() {
        assertThat(Verdicts.p99(step(sustained(), 1, latencies(250, 200, 0)), 500).reasons())
                .containsExactly("1 HTTP error(s)");
        Verdicts.Verdict notSustained = Verdicts.sustained(250, 250, 0, 250, 10, BOUND, 9);
        assertThat(Verdicts.p99(step(notSustained, 0, latencies(250, 200, 0)), 500).reasons())
                .containsExactly("rate not sustained (drained 9.0 s after the last send (grace 3 s))");
        assertThat(Verdicts.p99(step(sustained(), 0, latencies(250, 501, 0)), 500).reasons())
                .containsExactly("p99 501 ms above 500 ms");
    }

    @Test
    void theLatencyVerdictFailsWhenAnAcceptedReferralWasNotMeasured() {
        assertThat(Verdicts.p99(step(sustained(), 0, latencies(249, 200, 0)), 500).reasons())
                .containsExactly("1 accepted referral(s) not measured");
    }

    @Test
    void aStepIsSaturatedWhenDrainingTookLongerThanTheGraceAndAtLeastAsLongAsSending() {
        assertThat(Verdicts.saturated(timed(3, 18))).isTrue();
        assertThat(Verdicts.saturated(timed(5, 5))).isTrue();
        assertThat(Verdicts.saturated(timed(3, -1))).as("never drained").isTrue();
        assertThat(Verdicts.saturated(timed(3, 1))).as("kept up with the offered rate").isFalse();
        assertThat(Verdicts.saturated(timed(10, 8))).as("drained faster than it was sent").isFalse();
        assertThat(Verdicts.saturated(timed(1, 2.3))).as("one referral's latency after a 1 s send").isFalse();
    }

    @Test
    void theIdleStackPassesWhenEveryReferralIsBookedWithinBothTargets() {
        Verdicts.Verdict verdict = Verdicts.idle(50, latencies(50, 150, 0), 0, 150, 400);

        assertThat(verdict.met()).as(verdict.reasons().toString()).isTrue();
    }

    @Test
    void theIdleStackMissesWhenTheMedianOrTheSlowestReferralIsAboveItsTarget() {
        assertThat(Verdicts.idle(50, latencies(50, 151, 0), 0, 150, 400).reasons())
                .containsExactly("p50 151 ms above 150 ms");
        Latencies oneSlow = new Latencies();
        for (int i = 0; i < 49; i++) {
            oneSlow.recordMillis(100);
        }
        oneSlow.recordMillis(401);
        assertThat(Verdicts.idle(50, oneSlow.percentiles(), 0, 150, 400).reasons())
                .containsExactly("max 401 ms above 400 ms");
    }

    @Test
    void theIdleStackMissesWhenAReferralWasNotBookedOrNotMeasured() {
        assertThat(Verdicts.idle(50, latencies(20, 100, 0), 1, 150, 400).reasons()).containsExactly(
                "a referral not booked in time (the scenario stopped there)", "30 of 50 referral(s) not measured");
        assertThat(Verdicts.idle(50, latencies(0, 0, 0), 0, 150, 400).reasons())
                .containsExactly("50 of 50 referral(s) not measured");
    }

    @Test
    void aNegativeIdleTimeFailsTheIdleVerdictInsteadOfCountingAsFast() {
        Verdicts.Verdict verdict = Verdicts.idle(50, latencies(49, 100, 1), 0, 150, 400);

        assertThat(verdict.met()).isFalse();
        assertThat(verdict.reasons()).containsExactly("1 negative accepted → booked time(s): a harness bug");
    }

    @Test
    void theReportShowsTheIdleRowWithTheFirstReferralApartAndItsVerdict() {
        Percentiles next = latencies(50, 120, 0);
        IdleLatency.Result idle = new IdleLatency.Result(50, new IdleLatency.Trace("r", 2_345, 40, 30, 50), next,
                next, next, next, 0, Verdicts.idle(50, next, 0, IdleLatency.P50_TARGET_MILLIS,
                        IdleLatency.MAX_TARGET_MILLIS));
        List<String> md = new java.util.ArrayList<>();

        Report.idleRow(md, idle);

        assertThat(md).singleElement().asString().contains("**120 / 120 ms**; the first 2,345 ms", "≤ 150 / 400 ms",
                "| PASS |");
    }

    private static Verdicts.Verdict sustained() {
        return Verdicts.sustained(250, 250, 0, 250, 10, BOUND, 1);
    }

    private static Percentiles latencies(int count, long millis, int negative) {
        Latencies measured = new Latencies();
        for (int i = 0; i < count; i++) {
            measured.recordMillis(millis);
        }
        for (int i = 0; i < negative; i++) {
            measured.recordMillis(-1);
        }
        return measured.percentiles();
    }

    private static Pipeline.Step step(Verdicts.Verdict sustained, int httpErrors, Percentiles plannedToBooked) {
        return new Pipeline.Step("25/s", 25, 250, 10, 250, httpErrors, Map.of(), 250, 0, plannedToBooked,
                plannedToBooked, plannedToBooked, 750, 3, 70, 11, true, 1, List.of(10L), BOUND, Map.of(), 0, sustained,
                Map.of());
    }

    private static Pipeline.Step timed(double sendSeconds, double secondsAfterLastSend) {
        Percentiles none = latencies(0, 0, 0);
        return new Pipeline.Step("saturation", 200, 600, sendSeconds, 600, 0, Map.of(), 600, 0, none, none, none, 1800,
                3, 70, sendSeconds + Math.max(0, secondsAfterLastSend), secondsAfterLastSend >= 0,
                secondsAfterLastSend, List.of(), BOUND, Map.of(), 0, sustained(), Map.of());
    }
}
