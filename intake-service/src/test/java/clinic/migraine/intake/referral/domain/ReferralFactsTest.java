package clinic.migraine.intake.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import clinic.migraine.intake.referral.domain.ReferralFacts.CycleOutcome;
import clinic.migraine.intake.referral.domain.ReferralFacts.Visit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferralFactsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    static Stream<Arguments> journeys() {
        return Stream.of(
                Arguments.of("nothing heard yet", facts(false, List.of(), List.of(), List.of()), ReferralStatus.RECEIVED),
                Arguments.of("eligible", facts(false, List.of(decision(1, "ELIGIBLE", 1)), List.of(), List.of()),
                        ReferralStatus.ELIGIBLE),
                Arguments.of("not eligible", facts(false, List.of(decision(1, "NOT_ELIGIBLE", 1)), List.of(), List.of()),
                        ReferralStatus.NOT_ELIGIBLE),
                Arguments.of("review", facts(false, List.of(decision(1, "NEEDS_REVIEW", 1)), List.of(), List.of()),
                        ReferralStatus.NEEDS_REVIEW),
                Arguments.of("review resolved", facts(false,
                        List.of(decision(1, "NEEDS_REVIEW", 1), decision(1, "ELIGIBLE", 2)), List.of(), List.of()),
                        ReferralStatus.ELIGIBLE),
                Arguments.of("booked", facts(false, List.of(decision(1, "ELIGIBLE", 1)),
                        List.of(new Visit(1, VisitState.BOOKED)), List.of()), ReferralStatus.SCHEDULED),
                Arguments.of("booking seen before its decision", facts(false, List.of(),
                        List.of(new Visit(1, VisitState.BOOKED)), List.of()), ReferralStatus.SCHEDULED),
                Arguments.of("cancelled", facts(false, List.of(decision(1, "ELIGIBLE", 1)),
                        List.of(new Visit(1, VisitState.CANCELLED)), List.of()), ReferralStatus.ELIGIBLE),
                Arguments.of("treated", facts(false, List.of(decision(1, "ELIGIBLE", 1)),
                        List.of(new Visit(1, VisitState.FULFILLED)), List.of(1)), ReferralStatus.IN_TREATMENT),
                Arguments.of("cycle 2 eligible, not yet booked", facts(false,
                        List.of(decision(1, "ELIGIBLE", 1), decision(2, "ELIGIBLE", 5)),
                        List.of(new Visit(1, VisitState.FULFILLED)), List.of(1)), ReferralStatus.IN_TREATMENT),
                Arguments.of("cycle 2 booked", facts(false,
                        List.of(decision(1, "ELIGIBLE", 1), decision(2, "ELIGIBLE", 5)),
                        List.of(new Visit(1, VisitState.FULFILLED), new Visit(2, VisitState.BOOKED)), List.of(1)),
                        ReferralStatus.SCHEDULED),
                Arguments.of("continuation refused", facts(false,
                        List.of(decision(1, "ELIGIBLE", 1), decision(2, "ELIGIBLE", 5), decision(3, "NOT_ELIGIBLE", 9)),
                        List.of(new Visit(1, VisitState.FULFILLED), new Visit(2, VisitState.FULFILLED)), List.of(1, 2)),
                        ReferralStatus.DISCONTINUED),
                Arguments.of("first continuation refused", facts(false,
                        List.of(decision(1, "ELIGIBLE", 1), decision(2, "NOT_ELIGIBLE", 5)),
                        List.of(new Visit(1, VisitState.FULFILLED)), List.of(1)), ReferralStatus.DISCONTINUED),
                Arguments.of("treated before scheduling closed the visit", facts(false,
                        List.of(decision(1, "ELIGIBLE", 1)), List.of(new Visit(1, VisitState.BOOKED)), List.of(1)),
                        ReferralStatus.IN_TREATMENT),
                Arguments.of("withdrawn while booked", facts(true, List.of(decision(1, "ELIGIBLE", 1)),
                        List.of(new Visit(1, VisitState.BOOKED)), List.of()), ReferralStatus.DISCONTINUED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void derivesTheStatusFromTheFacts(String journey, ReferralFacts facts, ReferralStatus expected) {
        assertThat(facts.status()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void theOrderEventsArrivedInDoesNotMatter(String journey, ReferralFacts facts, ReferralStatus expected) {
        List<CycleOutcome> decisions = new ArrayList<>(facts.decisions());
        List<Visit> appointments = new ArrayList<>(facts.appointments());
        List<Integer> treated = new ArrayList<>(facts.treatedCycles());
        Collections.reverse(decisions);
        Collections.reverse(appointments);
        Collections.reverse(treated);

        assertThat(new ReferralFacts(facts.withdrawn(), decisions, appointments, treated).status()).isEqualTo(expected);
    }

    @Test
    void aReviewForTheNextCycleShowsWhileInTreatment() {
        ReferralFacts facts = facts(false, List.of(decision(1, "ELIGIBLE", 1), decision(2, "NEEDS_REVIEW", 5)),
                List.of(new Visit(1, VisitState.FULFILLED)), List.of(1));

        assertThat(facts.status()).isEqualTo(ReferralStatus.NEEDS_REVIEW);
    }

    private static ReferralFacts facts(boolean withdrawn, List<CycleOutcome> decisions, List<Visit> appointments,
            List<Integer> treated) {
        return new ReferralFacts(withdrawn, decisions, appointments, treated);
    }

    private static CycleOutcome decision(int cycle, String outcome, int minutesLater) {
        return new CycleOutcome(cycle, EligibilityOutcome.valueOf(outcome), T0.plusSeconds(60L * minutesLater));
    }
}
