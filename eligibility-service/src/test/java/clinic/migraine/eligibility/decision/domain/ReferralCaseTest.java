package clinic.migraine.eligibility.decision.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import clinic.migraine.eligibility.policy.domain.Authorization;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import clinic.migraine.eligibility.policy.domain.MedicationOveruse;
import clinic.migraine.eligibility.policy.domain.Policies;
import clinic.migraine.eligibility.policy.domain.Policy;
import clinic.migraine.eligibility.policy.domain.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralCaseTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final Instant NOW = Instant.parse("2026-12-03T17:00:00Z");
    /** Label criteria without preventive trials or prior authorization, a continuation test of 50 %. */
    private static final Policy OPEN = new Policy("open", "1", "Open", 18, 15, 8, 6, Set.of("G43.709"),
            new Policy.PreventiveTrials(0, 0, null), true, true, Policy.PriorAuthorization.NONE,
            new Policy.Continuation(50, true, null), null);
    /** The same, with a prior authorization before every course and at most three courses. */
    private static final Policy STRICT = new Policy("strict", "1", "Strict", 18, 15, 8, 6, Set.of("G43.709"),
            new Policy.PreventiveTrials(0, 0, null), true, true, Policy.PriorAuthorization.EVERY_COURSE,
            new Policy.Continuation(50, true, null), 3);
    private static final Policies POLICIES = new Policies() {
        @Override
        public Optional<Policy> find(String id) {
            return List.of(OPEN, STRICT).stream().filter(p -> p.id().equals(id)).findFirst();
        }

        @Override
        public Policy label() {
            return OPEN;
        }

        @Override
        public Collection<Policy> all() {
            return List.of(OPEN, STRICT);
        }
    };
    private static final Baseline BASELINE = new Baseline(LocalDate.of(1980, 5, 1), "G43.709", 20, 12, 12, List.of(),
            MedicationOveruse.NONE, false, List.of());

    private static DiaryReport report(int cycle, int days, int daysAgo) {
        return new DiaryReport(cycle, days, NOW.minus(Duration.ofDays(daysAgo)));
    }

    private static ReferralCase open(int patientTreatments, List<DiaryReport> reports) {
        return new ReferralCase(UUID.randomUUID(), "open", BASELINE, false, patientTreatments,
                patientTreatments == 0 ? null : TODAY.minusDays(60), reports, null);
    }

    private static ReferralCase strict(int patientTreatments, LocalDate lastTreatment, Authorization onFile) {
        return new ReferralCase(UUID.randomUUID(), "strict", BASELINE, false, patientTreatments, lastTreatment,
                List.of(), onFile);
    }

    @Test
    void theFirstCourseIsDecidedOnTheBaselineByTheRules() {
        CycleDecision decision = open(0, List.of()).decide(1, null, null, POLICIES, TODAY, NOW);

        assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decision.decidedBy()).isEqualTo(DecidedBy.RULES);
        assertThat(decision.cycle()).isEqualTo(1);
        assertThat(decision.policyVersion()).isEqualTo("1");
        assertThat(decision.authorization()).as("the policy needs none").isNull();
    }

    @ParameterizedTest(name = "20 → {0} headache days after cycle 2 → {1}")
    @CsvSource({"9, ELIGIBLE", "10, ELIGIBLE", "11, NEEDS_REVIEW"})
    void aThirdCycleNeedsHalfTheBaselineAndAClinicianConfirmsTheEnd(int latest, EligibilityOutcome outcome) {
        CycleDecision decision = open(2, List.of(report(2, latest, 5))).decide(3, null, null, POLICIES, TODAY, NOW);

        assertThat(decision.outcome()).isEqualTo(outcome);
        if (outcome == EligibilityOutcome.NEEDS_REVIEW) {
            assertThat(decision.reasons()).extracting(r -> r.code()).containsExactly(ReasonCode.INSUFFICIENT_RESPONSE);
            assertThat(CycleDecision.endsCourse(decision.reasons())).as("a review to confirm the end").isTrue();
        }
    }

    @Test
    void continuationReadsThePreviousCyclesReportsOnly() {
        // a good answer after cycle 1 does not carry cycle 3; cycle 2's newest report decides
        ReferralCase c = open(2, List.of(report(1, 5, 100), report(2, 9, 40), report(2, 12, 10)));

        CycleDecision decision = c.decide(3, null, null, POLICIES, TODAY, NOW);

        assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        assertThat(decision.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.INSUFFICIENT_RESPONSE);
            assertThat(r.message()).startsWith("Headache days went from 20 to 12 a month");
        });
    }

    @Test
    void noReportOfThePreviousCycleIsMissingDataUnlessTheRequestBroughtOne() {
        ReferralCase c = open(2, List.of(report(1, 5, 100)));

        assertThat(c.decide(3, null, null, POLICIES, TODAY, NOW).reasons()).extracting(r -> r.code())
                .containsExactly(ReasonCode.MISSING_CLINICAL_DATA);
        assertThat(c.decide(3, 8, null, POLICIES, TODAY, NOW).outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
    }

    @Test
    void anUnknownPolicyIsJudgedOnTheLabelAndSentToAClinician() {
        ReferralCase unknown = new ReferralCase(UUID.randomUUID(), "nobody", BASELINE, false, 0, null, List.of(),
                null);

        CycleDecision decision = unknown.decide(1, null, null, POLICIES, TODAY, NOW);

        assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        assertThat(decision.policyId()).isEqualTo("nobody");
        assertThat(decision.reasons()).extracting(r -> r.code()).containsExactly(ReasonCode.UNKNOWN_PAYER_POLICY);
    }

    @ParameterizedTest(name = "{0} treatments before (here and elsewhere) → {1}")
    @CsvSource({"2, false", "3, true", "4, true"})
    void theCourseLimitCountsThePatientsTreatmentsOnEveryReferralAndElsewhere(int before, boolean limited) {
        Authorization valid = new Authorization("PA-1", TODAY.minusDays(100), TODAY.plusDays(200), 5, 0);

        // cycle 1 of a new referral: the patient's earlier treatments still count
        CycleDecision decision = strict(before, TODAY.minusDays(90), valid).decide(1, null, null, POLICIES, TODAY,
                NOW);

        assertThat(decision.reasons().stream().anyMatch(r -> r.code() == ReasonCode.COURSE_LIMIT_REACHED))
                .isEqualTo(limited);
        assertThat(decision.outcome()).isEqualTo(limited ? EligibilityOutcome.NEEDS_REVIEW : EligibilityOutcome.ELIGIBLE);
    }

    @Test
    void everyCourseNeedsAnAuthorizationOnFile() {
        CycleDecision none = strict(1, TODAY.minusDays(60), null).decide(2, 8, null, POLICIES, TODAY, NOW);

        assertThat(none.outcome()).isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        assertThat(none.reasons()).extracting(r -> r.code()).containsExactly(ReasonCode.PRIOR_AUTH_REQUIRED);
    }

    @ParameterizedTest(name = "valid until earliest day {0} → {1}")
    @CsvSource({"-1, PRIOR_AUTH_EXPIRED", "0, ", "1, "})
    void anAuthorizationEndingBeforeTheCyclesEarliestDayHasRunOut(int offset, ReasonCode expected) {
        LocalDate lastTreatment = TODAY.minusDays(60);
        LocalDate earliest = lastTreatment.plusDays(84);
        Authorization onFile = new Authorization("PA-1", TODAY.minusDays(100), earliest.plusDays(offset), 4, 1);

        CycleDecision decision = strict(1, lastTreatment, onFile).decide(2, 8, null, POLICIES, TODAY, NOW);

        if (expected == null) {
            assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
            assertThat(decision.authorization()).isEqualTo(onFile);
        } else {
            assertThat(decision.reasons()).extracting(r -> r.code()).containsExactly(expected);
            assertThat(decision.authorization()).isNull();
        }
    }

    @ParameterizedTest(name = "{0} of 2 treatments used → {1}")
    @CsvSource({"1, ", "2, PRIOR_AUTH_EXPIRED", "3, PRIOR_AUTH_EXPIRED"})
    void anAuthorizationWithNoTreatmentLeftHasRunOut(int used, ReasonCode expected) {
        Authorization onFile = new Authorization("PA-1", TODAY.minusDays(200), TODAY.plusDays(200), 2, used);

        CycleDecision decision = strict(1, TODAY.minusDays(60), onFile).decide(2, 8, null, POLICIES, TODAY, NOW);

        assertThat(decision.has(expected)).isEqualTo(expected != null);
    }

    @Test
    void theEarliestTreatmentIsTodayOr84DaysAfterTheLastOrWhatTheRequestSays() {
        assertThat(strict(0, null, null).earliestTreatment(null, TODAY)).isEqualTo(TODAY);
        assertThat(strict(1, TODAY.minusDays(84), null).earliestTreatment(null, TODAY)).isEqualTo(TODAY);
        assertThat(strict(1, TODAY.minusDays(83), null).earliestTreatment(null, TODAY)).isEqualTo(TODAY.plusDays(1));
        assertThat(strict(1, TODAY.minusDays(30), null).earliestTreatment(TODAY.plusDays(60), TODAY))
                .isEqualTo(TODAY.plusDays(60));
    }
}
