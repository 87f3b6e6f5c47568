package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import clinic.migraine.domain.RuleBroken;
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
                NOW.minusSeconds(3600));
        return Review.open(byRules);
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

        assertThatThrownBy(() -> review.authorize("PA-1", TODAY.minusDays(1), TODAY, "dr-lee", NOW))
                .isInstanceOfSatisfying(RuleBroken.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The authorization expired on " + TODAY.minusDays(1));
                    assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field())
                            .isEqualTo("validUntil"));
                });
        assertThat(review.authorize("PA-1", TODAY, TODAY, "dr-lee", NOW).review().authorizationValidUntil())
                .isEqualTo(TODAY);
        assertThat(review.authorize("PA-1", TODAY.plusDays(1), TODAY, "dr-lee", NOW).review().authorizationNumber())
                .isEqualTo("PA-1");
    }

    @Test
    void anAuthorizationLeavesTheOtherReasonsForTheClinician() {
        Review.Authorized authorized = waitingFor(AUTH, PREGNANCY).authorize("PA-1", TODAY.plusDays(90), TODAY,
                "dr-lee", NOW);

        assertThat(authorized.decided()).isEmpty();
        assertThat(authorized.review().status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(authorized.review().openReasons()).containsExactly(PREGNANCY);
    }

    @Test
    void anAuthorizationThatWasAllTheReviewWaitedForMakesTheCycleEligible() {
        Review.Authorized authorized = waitingFor(AUTH).authorize("PA-1", TODAY.plusDays(90), TODAY, "dr-lee", NOW);

        assertThat(authorized.decided()).hasValueSatisfying(decided -> {
            assertThat(decided.review().status()).isEqualTo(ReviewStatus.CLOSED);
            assertThat(decided.review().authorizationNumber()).isEqualTo("PA-1");
            assertThat(decided.decision().outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
            assertThat(decided.decision().decidedBy()).isEqualTo(DecidedBy.CLINICIAN);
            assertThat(decided.decision().clinician()).isEqualTo("dr-lee");
            assertThat(decided.decision().reasons()).isEmpty();
            assertThat(decided.decision().note()).isEqualTo("Prior authorization PA-1 valid until "
                    + TODAY.plusDays(90));
            assertThat(decided.reviewed()).containsExactly(AUTH);
        });
    }

    @Test
    void eligibleNeedsTheAuthorizationFirstNotEligibleDoesNot() {
        Review review = waitingFor(AUTH, PREGNANCY);

        assertThatThrownBy(() -> review.decide(EligibilityOutcome.ELIGIBLE, "fine", "dr-lee", NOW))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("Record the prior authorization before deciding ELIGIBLE");
        Review.ClinicianDecided refused = review.decide(EligibilityOutcome.NOT_ELIGIBLE, "pregnant", "dr-lee", NOW);
        assertThat(refused.decision().reasons()).containsExactly(AUTH, PREGNANCY);
        assertThat(refused.review().outcome()).isEqualTo(EligibilityOutcome.NOT_ELIGIBLE);
        assertThat(refused.review().closedAt()).isEqualTo(NOW);
    }

    @Test
    void aClinicianDecidesEligibleOnceTheAuthorizationIsIn() {
        Review authorized = waitingFor(AUTH, PREGNANCY).authorize("PA-1", TODAY, TODAY, "dr-lee", NOW).review();

        Review.ClinicianDecided decided = authorized.decide(EligibilityOutcome.ELIGIBLE, "not pregnant", "dr-ng", NOW);

        assertThat(decided.decision().outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decided.decision().reasons()).isEmpty();
        assertThat(decided.review().clinician()).isEqualTo("dr-ng");
    }

    @Test
    void needsReviewIsNotADecision() {
        assertThatThrownBy(() -> waitingFor(PREGNANCY).decide(EligibilityOutcome.NEEDS_REVIEW, "?", "dr-lee", NOW))
                .isInstanceOf(RuleBroken.class).hasMessage("A clinician decides ELIGIBLE or NOT_ELIGIBLE");
    }

    @Test
    void aClosedOrWithdrawnReviewTakesNothingMore() {
        Review closed = waitingFor(PREGNANCY).decide(EligibilityOutcome.NOT_ELIGIBLE, "no", "dr-lee", NOW).review();
        Review withdrawn = waitingFor(AUTH).closeForWithdrawal(NOW);

        assertThat(withdrawn.status()).isEqualTo(ReviewStatus.WITHDRAWN);
        assertThat(withdrawn.note()).isEqualTo("Referral withdrawn");
        assertThatThrownBy(() -> closed.decide(EligibilityOutcome.ELIGIBLE, "changed my mind", "dr-ng", NOW))
                .isInstanceOf(ReviewClosed.class).hasMessage("This review is CLOSED");
        assertThatThrownBy(() -> withdrawn.authorize("PA-1", TODAY, TODAY, "dr-ng", NOW))
                .isInstanceOf(ReviewClosed.class).hasMessage("This review is WITHDRAWN");
        assertThatThrownBy(() -> withdrawn.closeForWithdrawal(NOW)).isInstanceOf(ReviewClosed.class);
    }
}
