package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import clinic.migraine.eligibility.policy.domain.MedicationOveruse;
import clinic.migraine.eligibility.policy.domain.Policies;
import clinic.migraine.eligibility.policy.domain.Policy;
import clinic.migraine.eligibility.policy.domain.ReasonCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralCaseTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final Instant NOW = Instant.parse("2026-12-03T17:00:00Z");
    /** Label criteria without preventive trials or prior authorization, a continuation test of 50 %. */
    private static final Policy OPEN = new Policy("open", "1", "Open", 18, 15, 8, 6, Set.of("G43.709"),
            new Policy.PreventiveTrials(0, 0, null), true, true, false, new Policy.Continuation(50), null);
    private static final Policies POLICIES = new Policies() {
        @Override
        public Optional<Policy> find(String id) {
            return Optional.ofNullable(id.equals(OPEN.id()) ? OPEN : null);
        }

        @Override
        public Policy label() {
            return OPEN;
        }

        @Override
        public Collection<Policy> all() {
            return List.of(OPEN);
        }
    };

    private static ReferralCase caseWith(Integer latestHeadacheDays, int completedCycles) {
        Baseline baseline = new Baseline(LocalDate.of(1980, 5, 1), "G43.709", 20, 12, 12, List.of(),
                MedicationOveruse.NONE, false, List.of());
        return new ReferralCase(UUID.randomUUID(), "open", baseline, false, latestHeadacheDays, null, completedCycles);
    }

    @Test
    void theFirstCourseIsDecidedOnTheBaselineByTheRules() {
        CycleDecision decision = caseWith(null, 0).decide(1, POLICIES, TODAY, NOW);

        assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decision.decidedBy()).isEqualTo(DecidedBy.RULES);
        assertThat(decision.cycle()).isEqualTo(1);
        assertThat(decision.policyVersion()).isEqualTo("1");
    }

    @Test
    void aThirdCycleNeedsHalfTheBaselineHeadacheDaysEvenBeforeTheSecondTreatmentArrives() {
        assertThat(caseWith(10, 1).decide(3, POLICIES, TODAY, NOW).outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        CycleDecision notEnough = caseWith(11, 1).decide(3, POLICIES, TODAY, NOW);
        assertThat(notEnough.outcome()).isEqualTo(EligibilityOutcome.NOT_ELIGIBLE);
        assertThat(notEnough.reasons()).extracting(r -> r.code()).contains(ReasonCode.INSUFFICIENT_RESPONSE);
    }

    @Test
    void anUnknownPolicyIsJudgedOnTheLabelAndSentToAClinician() {
        ReferralCase unknown = new ReferralCase(UUID.randomUUID(), "nobody", caseWith(null, 0).baseline(), false,
                null, null, 0);

        CycleDecision decision = unknown.decide(1, POLICIES, TODAY, NOW);

        assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        assertThat(decision.policyId()).isEqualTo("nobody");
        assertThat(decision.reasons()).extracting(r -> r.code()).containsExactly(ReasonCode.UNKNOWN_PAYER_POLICY);
    }
}
