package clinic.migraine.eligibility.policy.domain;

import static clinic.migraine.eligibility.policy.domain.Applicants.TODAY;
import static clinic.migraine.eligibility.policy.domain.Applicants.trial;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyEngineTest {

    private static final Policy LABEL = ShippedPolicies.load("label");

    private static Decision decide(String policyId, Applicant applicant, int cycle) {
        return PolicyEngine.decide(ShippedPolicies.load(policyId), policyId, applicant, cycle, TODAY, LABEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"label", "nice"})
    void aQualifyingApplicantIsEligibleWhereNoPriorAuthorizationIsNeeded(String policy) {
        Decision decision = decide(policy, Applicants.qualifying(), 1);

        assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.policyVersion()).isEqualTo("2026.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"commercial-precert", "workers-comp"})
    void payersWithPriorAuthorizationSendTheInitialCourseToReview(String policy) {
        Decision decision = decide(policy, Applicants.qualifying(), 1);

        assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        assertThat(decision.reasons()).extracting(Decision.Reason::code).containsExactly(ReasonCode.PRIOR_AUTH_REQUIRED);
    }

    static Stream<Arguments> thresholds() {
        return Stream.of("label", "commercial-precert", "workers-comp", "nice").flatMap(policy -> Stream.of(
                Arguments.of(policy, 14, 10, 9, ReasonCode.HEADACHE_DAYS_BELOW_MINIMUM, true),
                Arguments.of(policy, 15, 10, 9, ReasonCode.HEADACHE_DAYS_BELOW_MINIMUM, false),
                Arguments.of(policy, 16, 10, 9, ReasonCode.HEADACHE_DAYS_BELOW_MINIMUM, false),
                Arguments.of(policy, 18, 7, 9, ReasonCode.MIGRAINE_DAYS_BELOW_MINIMUM, true),
                Arguments.of(policy, 18, 8, 9, ReasonCode.MIGRAINE_DAYS_BELOW_MINIMUM, false),
                Arguments.of(policy, 18, 9, 9, ReasonCode.MIGRAINE_DAYS_BELOW_MINIMUM, false),
                Arguments.of(policy, 18, 10, 2, ReasonCode.DURATION_BELOW_MINIMUM, true),
                Arguments.of(policy, 18, 10, 3, ReasonCode.DURATION_BELOW_MINIMUM, false),
                Arguments.of(policy, 18, 10, 4, ReasonCode.DURATION_BELOW_MINIMUM, false)));
    }

    @ParameterizedTest(name = "{0}: {1} headache, {2} migraine days, {3} months → {4} {5}")
    @MethodSource("thresholds")
    void judgesEachDayCountAtJustBelowAndAboveItsThreshold(String policy, int headache, int migraine, int months,
            ReasonCode code, boolean expected) {
        Decision decision = decide(policy, Applicants.withDays(headache, migraine, months), 1);

        assertThat(decision.has(code)).isEqualTo(expected);
        if (expected) {
            assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.NOT_ELIGIBLE);
        }
    }

    @Test
    void theMessageNamesTheNumbers() {
        Decision decision = decide("label", Applicants.withDays(14, 10, 9), 1);

        assertThat(decision.reasons()).extracting(Decision.Reason::message)
                .containsExactly("14 headache days a month; this policy needs at least 15");
    }

    @Test
    void everyHardReasonIsListedNotJustTheFirst() {
        Applicant applicant = Applicants.withDays(10, 4, 1);

        Decision decision = decide("label", applicant, 1);

        assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.NOT_ELIGIBLE);
        assertThat(decision.reasons()).extracting(Decision.Reason::code).containsExactly(
                ReasonCode.HEADACHE_DAYS_BELOW_MINIMUM, ReasonCode.MIGRAINE_DAYS_BELOW_MINIMUM,
                ReasonCode.DURATION_BELOW_MINIMUM);
    }

    @Test
    void turnsEighteenOnTheBirthday() {
        assertThat(decide("label", Applicants.bornOn(TODAY.minusYears(18).plusDays(1)), 1).has(ReasonCode.AGE_BELOW_MINIMUM))
                .isTrue();
        assertThat(decide("label", Applicants.bornOn(TODAY.minusYears(18)), 1).has(ReasonCode.AGE_BELOW_MINIMUM))
                .isFalse();
        assertThat(decide("label", Applicants.bornOn(TODAY.minusYears(18).plusDays(1)), 1).reasons().get(0).message())
                .isEqualTo("Patient is 17 years old; this policy needs at least 18");
    }

    @Test
    void aLeapDayBirthdayCountsOnTheFirstOfMarchInOtherYears() {
        Applicant leapling = Applicants.bornOn(LocalDate.of(2008, 2, 29));

        assertThat(PolicyEngine.decide(LABEL, "label", leapling, 1, LocalDate.of(2026, 2, 28), LABEL)
                .has(ReasonCode.AGE_BELOW_MINIMUM)).isTrue();
        assertThat(PolicyEngine.decide(LABEL, "label", leapling, 1, LocalDate.of(2026, 3, 1), LABEL)
                .has(ReasonCode.AGE_BELOW_MINIMUM)).isFalse();
    }

    @Test
    void unknownNumbersNeedAClinicianUnlessAHardReasonDecides() {
        Decision unknown = decide("label", Applicants.withDays(18, null, null), 1);
        assertThat(unknown.outcome()).isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        assertThat(unknown.reasons()).extracting(Decision.Reason::code)
                .containsExactly(ReasonCode.MISSING_CLINICAL_DATA, ReasonCode.MISSING_CLINICAL_DATA);

        Decision hard = decide("label", Applicants.withDays(10, null, null), 1);
        assertThat(hard.outcome()).isEqualTo(EligibilityOutcome.NOT_ELIGIBLE);
        assertThat(hard.reasons()).extracting(Decision.Reason::code)
                .containsExactly(ReasonCode.HEADACHE_DAYS_BELOW_MINIMUM);
    }

    @Test
    void coveredCodesDifferByPolicy() {
        assertThat(decide("label", Applicants.withCode("G43.E09"), 1).outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decide("nice", Applicants.withCode("G43.E19"), 1).outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decide("commercial-precert", Applicants.withCode("G43.E09"), 1).has(ReasonCode.DIAGNOSIS_NOT_COVERED))
                .isTrue();
        assertThat(decide("label", Applicants.withCode("G43.909"), 1).has(ReasonCode.DIAGNOSIS_NOT_COVERED)).isTrue();
    }

    static Stream<Arguments> trials() {
        var topiramate90 = trial("topiramate", DrugClass.ANTICONVULSANT, 90, TrialResult.INEFFECTIVE);
        var propranolol59 = trial("propranolol", DrugClass.BETA_BLOCKER, 59, TrialResult.INEFFECTIVE);
        var propranolol60 = trial("propranolol", DrugClass.BETA_BLOCKER, 60, TrialResult.INEFFECTIVE);
        var metoprololIntolerant = trial("metoprolol", DrugClass.BETA_BLOCKER, 10, TrialResult.NOT_TOLERATED);
        var valproate61 = trial("valproate", DrugClass.ANTICONVULSANT, 61, TrialResult.INEFFECTIVE);
        var venlafaxine5 = trial("venlafaxine", DrugClass.SNRI, 5, TrialResult.INEFFECTIVE);
        return Stream.of(
                Arguments.of("commercial-precert", List.of(topiramate90, propranolol59), false),
                Arguments.of("commercial-precert", List.of(topiramate90, propranolol60), true),
                Arguments.of("commercial-precert", List.of(topiramate90, metoprololIntolerant), true),
                Arguments.of("commercial-precert", List.of(topiramate90, valproate61), false),
                Arguments.of("workers-comp", List.of(topiramate90, propranolol60), false),
                Arguments.of("workers-comp", List.of(topiramate90, valproate61, propranolol60), true),
                Arguments.of("workers-comp", List.of(topiramate90, valproate61, propranolol59), false),
                Arguments.of("nice", List.of(topiramate90, valproate61), false),
                Arguments.of("nice", List.of(topiramate90, valproate61, venlafaxine5), true),
                Arguments.of("label", List.of(), true));
    }

    @ParameterizedTest(name = "{0}: {1} → counts {2}")
    @MethodSource("trials")
    void countsFailedPreventiveTrialsAsEachPolicySays(String policy, List<Applicant.Trial> trials, boolean enough) {
        Decision decision = decide(policy, Applicants.withTrials(trials), 1);

        assertThat(decision.has(ReasonCode.INSUFFICIENT_PREVENTIVE_TRIALS)).isEqualTo(!enough);
    }

    @Test
    void overuseCgrpAndContraindicationsFollowThePolicy() {
        assertThat(decide("label", Applicants.with(MedicationOveruse.UNMANAGED, true, Set.of()), 1).outcome())
                .isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decide("workers-comp", Applicants.with(MedicationOveruse.UNMANAGED, true, Set.of()), 1).reasons())
                .extracting(Decision.Reason::code)
                .containsExactly(ReasonCode.MEDICATION_OVERUSE_UNMANAGED, ReasonCode.CONCURRENT_CGRP_ANTIBODY);
        assertThat(decide("nice", Applicants.with(MedicationOveruse.MANAGED, false, Set.of()), 1).outcome())
                .isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decide("label", Applicants.with(MedicationOveruse.NONE, false,
                Set.of(Contraindication.BOTULINUM_HYPERSENSITIVITY)), 1).outcome()).isEqualTo(EligibilityOutcome.NOT_ELIGIBLE);
        assertThat(decide("label", Applicants.with(MedicationOveruse.NONE, false,
                Set.of(Contraindication.NEUROMUSCULAR_DISORDER, Contraindication.PREGNANCY)), 1).reasons())
                .extracting(Decision.Reason::code)
                .containsExactlyInAnyOrder(ReasonCode.NEUROMUSCULAR_CAUTION, ReasonCode.PREGNANCY_CAUTION);
    }

    @Test
    void anUnknownPolicyIsJudgedOnTheLabelAndReviewed() {
        Decision decision = PolicyEngine.decide(null, "acme-health", Applicants.qualifying(), 1, TODAY, LABEL);

        assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.NEEDS_REVIEW);
        assertThat(decision.reasons()).extracting(Decision.Reason::code).containsExactly(ReasonCode.UNKNOWN_PAYER_POLICY);
        assertThat(decision.policyId()).isEqualTo("acme-health");
    }

    static Stream<Arguments> continuation() {
        return Stream.of(
                Arguments.of("commercial-precert", 1, 20, null, EligibilityOutcome.ELIGIBLE, null),
                Arguments.of("commercial-precert", 2, 20, 14, EligibilityOutcome.ELIGIBLE, null),
                Arguments.of("commercial-precert", 2, 20, 15, EligibilityOutcome.NOT_ELIGIBLE, ReasonCode.INSUFFICIENT_RESPONSE),
                Arguments.of("commercial-precert", 2, 20, null, EligibilityOutcome.NEEDS_REVIEW, ReasonCode.MISSING_CLINICAL_DATA),
                Arguments.of("workers-comp", 2, 20, 10, EligibilityOutcome.ELIGIBLE, null),
                Arguments.of("workers-comp", 2, 20, 11, EligibilityOutcome.NOT_ELIGIBLE, ReasonCode.INSUFFICIENT_RESPONSE),
                Arguments.of("workers-comp", 5, 20, 2, EligibilityOutcome.NOT_ELIGIBLE, ReasonCode.COURSE_LIMIT_REACHED),
                Arguments.of("workers-comp", 4, 20, 2, EligibilityOutcome.ELIGIBLE, null),
                Arguments.of("label", 6, 20, 19, EligibilityOutcome.ELIGIBLE, null));
    }

    @ParameterizedTest(name = "{0}: {1} cycles done, {2} → {3} headache days → {4}")
    @MethodSource("continuation")
    void continuesOnlyWithEnoughResponseAfterTwoCycles(String policy, int completed, int baseline, Integer latest,
            EligibilityOutcome outcome, ReasonCode reason) {
        Decision decision = decide(policy, Applicants.treated(completed, baseline, latest), completed + 1);

        assertThat(decision.outcome()).isEqualTo(outcome);
        if (reason != null) {
            assertThat(decision.has(reason)).isTrue();
        }
        assertThat(decision.has(ReasonCode.PRIOR_AUTH_REQUIRED)).as("prior authorization is for the initial course").isFalse();
    }

    @Test
    void theResponseMessageShowsBothNumbersAndTheShare() {
        Decision decision = decide("workers-comp", Applicants.treated(2, 20, 11), 3);

        assertThat(decision.reasons().get(0).message())
                .isEqualTo("Headache days went from 20 to 11 a month (45 % fewer); this policy needs at least 50 % fewer");
    }
}
