package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.RuleBroken;
import clinic.migraine.eligibility.policy.domain.Authorization;
import clinic.migraine.eligibility.policy.domain.Decision;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import clinic.migraine.eligibility.policy.domain.ReasonCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final Instant NOW = Instant.parse("2026-12-03T17:00:00Z");
    private static final Decision.Reason AUTH = new Decision.Reason(ReasonCode.PRIOR_AUTH_REQUIRED, "authorize");
    private static final Decision.Reason PREGNANCY = new Decision.Reason(ReasonCode.PREGNANCY_CAUTION, "judge");

    private static Review waitingFor(Decision.Reason... reasons) {
        CycleDecision byRules = new CycleDecision(UUID.randomUUID(), UUID.randomUUID(), 1,
                EligibilityOutcome.NEEDS_REVIEW, List.of(reasons), "acme-health", "3", DecidedBy.RULES, null, null,
                NOW.minusSeconds(3600), null);
        return Review.open(byRules);
    }

    /** PA-1 from today until the day given, two treatments approved, none used. */
    private static Authorization until(LocalDate validUntil) {
        return new Authorization("PA-1", TODAY, validUntil, 2, 0);
    }

    private static Review.Authorized authorize(Review review, Authorization authorization) {
        return review.authorize(authorization, TODAY, TODAY, "dr-lee", NOW);
    }

    @Test
    void aReviewOpensWithTheReasonsTheRulesGave() {
        Review review = waitingFor(AUTH, PREGNANCY);

        assertThat(review.status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(review.openReasons()).containsExactly(AUTH, PREGNANCY);
        assertThat(review.waitsForAuthorization()).isTrue();
    }

    @Test
    void anAuthorizationValidTodayIsAcceptedOneThatEndedYesterdayIsNot() {
        Review review = waitingFor(AUTH, PREGNANCY);

        assertThatThrownBy(() -> authorize(review, new Authorization("PA-1", TODAY.minusDays(30),
                TODAY.minusDays(1), 2, 0)))
                .isInstanceOfSatisfying(RuleBroken.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The authorization expired on " + TODAY.minusDays(1));
                    assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field())
                            .isEqualTo("validUntil"));
                });
        assertThat(authorize(review, until(TODAY)).review().authorizationValidUntil()).isEqualTo(TODAY);
        assertThat(authorize(review, until(TODAY.plusDays(1))).review().authorizationNumber()).isEqualTo("PA-1");
    }

    @Test
    void anAuthorizationLeavesTheOtherReasonsForTheClinician() {
        Review.Authorized authorized = authorize(waitingFor(AUTH, PREGNANCY), until(TODAY.plusDays(90)));

        assertThat(authorized.decided()).isEmpty();
        assertThat(authorized.review().status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(authorized.review().openReasons()).containsExactly(PREGNANCY);
    }

    @Test
    void anAuthorizationThatWasAllTheReviewWaitedForMakesTheCycleEligible() {
        Review.Authorized authorized = authorize(waitingFor(AUTH), new Authorization("PA-1", TODAY.minusDays(10),
                TODAY.plusDays(90), 3, 1));

        assertThat(authorized.decided()).hasValueSatisfying(decided -> {
            assertThat(decided.review().status()).isEqualTo(ReviewStatus.CLOSED);
            assertThat(decided.review().authorizationNumber()).isEqualTo("PA-1");
            assertThat(decided.decision().outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
            assertThat(decided.decision().decidedBy()).isEqualTo(DecidedBy.CLINICIAN);
            assertThat(decided.decision().clinician()).isEqualTo("dr-lee");
            assertThat(decided.decision().reasons()).isEmpty();
            assertThat(decided.decision().note()).isEqualTo("Prior authorization valid " + TODAY.minusDays(10)
                    + " to " + TODAY.plusDays(90) + ", 2 of 3 treatments left");
            assertThat(decided.decision().authorization()).as("the event tells scheduling until when it may book")
                    .extracting(Authorization::validUntil).isEqualTo(TODAY.plusDays(90));
            assertThat(decided.reviewed()).containsExactly(AUTH);
        });
    }

    @Test
    void eligibleNeedsTheAuthorizationFirstNotEligibleDoesNot() {
        Review review = waitingFor(AUTH, PREGNANCY);

        assertThatThrownBy(() -> review.decide(EligibilityOutcome.ELIGIBLE, "fine", "dr-lee", NOW, null))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("Record the prior authorization before deciding ELIGIBLE");
        Review.ClinicianDecided refused = review.decide(EligibilityOutcome.NOT_ELIGIBLE, "pregnant", "dr-lee", NOW,
                until(TODAY));
        assertThat(refused.decision().reasons()).containsExactly(AUTH, PREGNANCY);
        assertThat(refused.review().outcome()).isEqualTo(EligibilityOutcome.NOT_ELIGIBLE);
        assertThat(refused.review().closedAt()).isEqualTo(NOW);
        assertThat(refused.decision().authorization()).as("a refusal relies on no authorization").isNull();
    }

    @Test
    void aClinicianDecidesEligibleOnceTheAuthorizationIsIn() {
        Review authorized = authorize(waitingFor(AUTH, PREGNANCY), until(TODAY)).review();

        Review.ClinicianDecided decided = authorized.decide(EligibilityOutcome.ELIGIBLE, "not pregnant", "dr-ng", NOW,
                until(TODAY));

        assertThat(decided.decision().outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decided.decision().reasons()).isEmpty();
        assertThat(decided.review().clinician()).isEqualTo("dr-ng");
        assertThat(decided.decision().authorization()).isEqualTo(until(TODAY));
    }

    @Test
    void anEndedAuthorizationIsClearedByANewOneLikeAMissingOne() {
        Review review = waitingFor(new Decision.Reason(ReasonCode.PRIOR_AUTH_EXPIRED, "renew"));

        assertThat(review.waitsForAuthorization()).isTrue();
        assertThatThrownBy(() -> review.decide(EligibilityOutcome.ELIGIBLE, "fine", "dr-lee", NOW, null))
                .isInstanceOf(RuleBroken.class);
        assertThat(authorize(review, until(TODAY.plusDays(30))).decided()).hasValueSatisfying(decided ->
                assertThat(decided.decision().outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE));
    }

    @Test
    void anAuthorizationMustCoverTheCyclesEarliestDayAndHaveATreatmentLeft() {
        Review review = waitingFor(AUTH);
        LocalDate earliest = TODAY.plusDays(40);

        assertThatThrownBy(() -> review.authorize(until(earliest.minusDays(1)), earliest, TODAY, "dr-lee", NOW))
                .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).isEqualTo("must be on or after " + earliest)));
        assertThat(review.authorize(until(earliest), earliest, TODAY, "dr-lee", NOW).decided()).isPresent();
        assertThat(review.authorize(until(earliest.plusDays(1)), earliest, TODAY, "dr-lee", NOW).decided())
                .isPresent();

        Authorization usedUp = new Authorization("PA-2", TODAY.minusDays(200), TODAY.plusDays(90), 2, 2);
        Authorization oneLeft = new Authorization("PA-2", TODAY.minusDays(200), TODAY.plusDays(90), 3, 2);
        assertThatThrownBy(() -> authorize(review, usedUp)).isInstanceOfSatisfying(RuleBroken.class,
                e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.field()).isEqualTo("treatmentsAuthorized")));
        assertThat(authorize(review, oneLeft).decided()).isPresent();
    }

    @Test
    void anAuthorizationThatEndsBeforeItBeginsIsRefused() {
        assertThatThrownBy(() -> authorize(waitingFor(AUTH), new Authorization("PA-1", TODAY.plusDays(10),
                TODAY.plusDays(9), 1, 0))).isInstanceOf(RuleBroken.class)
                .hasMessage("The authorization ends before it begins");
        assertThat(authorize(waitingFor(AUTH), new Authorization("PA-1", TODAY.plusDays(10), TODAY.plusDays(10),
                1, 0)).decided()).isPresent();
    }

    @Test
    void aReviewOfTheEndOfACourseIsConfirmedByNotEligibleWithTheRulesReasons() {
        Decision.Reason littleBenefit = new Decision.Reason(ReasonCode.INSUFFICIENT_RESPONSE, "20 to 15");
        Review review = waitingFor(littleBenefit);

        assertThat(review.confirmsEndOfCourse()).isTrue();
        assertThat(waitingFor(littleBenefit, PREGNANCY).confirmsEndOfCourse()).isFalse();
        assertThat(waitingFor(AUTH).confirmsEndOfCourse()).isFalse();
        Review.ClinicianDecided confirmed = review.decide(EligibilityOutcome.NOT_ELIGIBLE, "agreed", "dr-lee", NOW,
                null);
        assertThat(confirmed.decision().reasons()).containsExactly(littleBenefit);
    }

    @Test
    void needsReviewIsNotADecision() {
        assertThatThrownBy(() -> waitingFor(PREGNANCY).decide(EligibilityOutcome.NEEDS_REVIEW, "?", "dr-lee", NOW, null))
                .isInstanceOf(RuleBroken.class).hasMessage("A clinician decides ELIGIBLE or NOT_ELIGIBLE");
    }

    @Test
    void aClosedOrWithdrawnReviewTakesNothingMore() {
        Review closed = waitingFor(PREGNANCY).decide(EligibilityOutcome.NOT_ELIGIBLE, "no", "dr-lee", NOW, null)
                .review();
        Review withdrawn = waitingFor(AUTH).closeForWithdrawal(NOW);

        assertThat(withdrawn.status()).isEqualTo(ReviewStatus.WITHDRAWN);
        assertThat(withdrawn.note()).isEqualTo("Referral withdrawn");
        assertThatThrownBy(() -> closed.decide(EligibilityOutcome.ELIGIBLE, "changed my mind", "dr-ng", NOW, null))
                .isInstanceOf(ReviewClosed.class).hasMessage("This review is CLOSED");
        assertThatThrownBy(() -> authorize(withdrawn, until(TODAY)))
                .isInstanceOf(ReviewClosed.class).hasMessage("This review is WITHDRAWN");
        assertThatThrownBy(() -> withdrawn.closeForWithdrawal(NOW)).isInstanceOf(ReviewClosed.class);
    }
}
