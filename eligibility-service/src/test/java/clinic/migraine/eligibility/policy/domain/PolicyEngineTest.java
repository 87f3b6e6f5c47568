package clinic.migraine.eligibility.policy.domain;

import static clinic.migraine.eligibility.policy.domain.Applicants.TODAY;
import static clinic.migraine.eligibility.policy.domain.Applicants.trial;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** Authorized from long ago to far ahead, four treatments, none used: the authorization never decides. */
    private static final Coverage AUTHORIZED = new Coverage(new Authorization("PA-1", TODAY.minusYears(1),
            TODAY.plusYears(1), 4, 0), TODAY);

    private static Decision decide(String policyId, Applicant applicant, int cycle, Coverage coverage) {
        return PolicyEngine.decide(ShippedPolicies.load(policyId), policyId, applicant, cycle, TODAY, LABEL, coverage,
                DrugCatalogue.EMPTY);
    }

    static Stream<Arguments> continuation() {
        return Stream.of(
                Arguments.of("commercial-precert", 1, 20, null, EligibilityOutcome.ELIGIBLE, null),
                Arguments.of("commercial-precert", 2, 20, 13, EligibilityOutcome.ELIGIBLE, null),
                Arguments.of("commercial-precert", 2, 20, 14, EligibilityOutcome.ELIGIBLE, null),
                Arguments.of("commercial-precert", 2, 20, 15, EligibilityOutcome.NOT_ELIGIBLE, ReasonCode.INSUFFICIENT_RESPONSE),
                Arguments.of("commercial-precert", 2, 20, null, EligibilityOutcome.NEEDS_REVIEW, ReasonCode.MISSING_CLINICAL_DATA),
                Arguments.of("nice", 2, 20, 14, EligibilityOutcome.ELIGIBLE, null),
                Arguments.of("nice", 2, 20, 15, EligibilityOutcome.NOT_ELIGIBLE, ReasonCode.INSUFFICIENT_RESPONSE),
                Arguments.of("workers-comp", 2, 20, 9, EligibilityOutcome.ELIGIBLE, null),
                Arguments.of("workers-comp", 2, 20, 10, EligibilityOutcome.NOT_ELIGIBLE, ReasonCode.INSUFFICIENT_RESPONSE),
                Arguments.of("workers-comp", 2, 20, 11, EligibilityOutcome.NOT_ELIGIBLE, ReasonCode.INSUFFICIENT_RESPONSE),
                Arguments.of("workers-comp", 5, 20, 2, EligibilityOutcome.NOT_ELIGIBLE, ReasonCode.COURSE_LIMIT_REACHED),
                Arguments.of("workers-comp", 4, 20, 2, EligibilityOutcome.ELIGIBLE, null),
                Arguments.of("label", 6, 20, 19, EligibilityOutcome.ELIGIBLE, null));
    }

    @ParameterizedTest(name = "{0}: {1} cycles done, {2} → {3} headache days → {4}")
    @MethodSource("continuation")
    void continuesOnlyWithEnoughResponseAfterTwoCycles(String policy, int completed, int baseline, Integer latest,
            EligibilityOutcome outcome, ReasonCode reason) {
        Decision decision = decide(policy, Applicants.treated(completed, baseline, latest), completed + 1, AUTHORIZED);

        assertThat(decision.outcome()).isEqualTo(outcome);
        if (reason != null) {
            assertThat(decision.has(reason)).isTrue();
        }
    }

    @ParameterizedTest(name = "exactly 50 % fewer, inclusive {0} → enough {1}")
    @CsvSource({"true, true", "false, false"})
    void anInclusiveRuleTakesExactlyThePercentageAnExclusiveOneNeedsMore(boolean inclusive, boolean enough) {
        Policy.Continuation rule = new Policy.Continuation(50, inclusive, null);

        assertThat(rule.enough(20, 10)).isEqualTo(enough);
        assertThat(rule.enough(20, 9)).isTrue();
        assertThat(rule.enough(20, 11)).isFalse();
        // a third: 30 % of 17 is 5.1 days, so 12 (29.4 %) is not enough and 11 (35.3 %) is
        Policy.Continuation third = new Policy.Continuation(30, inclusive, null);
        assertThat(third.enough(17, 12)).isFalse();
        assertThat(third.enough(17, 11)).isTrue();
        assertThat(third.enough(10, 7)).isEqualTo(enough);
    }

    @Test
    void theResponseMessageShowsBothNumbersAndTheShare() {
        Decision decision = decide("workers-comp", Applicants.treated(2, 20, 11), 3, AUTHORIZED);

        assertThat(decision.reasons().get(0).message())
                .isEqualTo("Headache days went from 20 to 11 a month (45 % fewer); this policy needs more than 50 % fewer");
        assertThat(decide("nice", Applicants.treated(2, 20, 15), 3, AUTHORIZED).reasons().get(0).message())
                .isEqualTo("Headache days went from 20 to 15 a month (25 % fewer); this policy needs at least 30 % fewer");
    }

    private static Applicant reporting(int completed, List<Integer> cycleReports, List<Integer> recent) {
        Applicant a = Applicants.treated(completed, 20, null);
        return new Applicant(a.dateOfBirth(), a.diagnosisCode(), a.headacheDaysPerMonth(), a.migraineDaysPerMonth(),
                a.chronicMigraineMonths(), a.preventiveTrials(), a.medicationOveruse(), a.onCgrpAntibody(),
                a.contraindications(), new Applicant.TreatmentHistory(completed, 20, cycleReports, recent));
    }

    static Stream<Arguments> episodic() {
        return Stream.of(
                Arguments.of(List.of(12, 14, 13), true),
                Arguments.of(List.of(16, 12, 14, 13), true),
                Arguments.of(List.of(12, 15, 13), false),
                Arguments.of(List.of(14, 13), false),
                Arguments.of(List.of(12, 14, 15), false));
    }

    @ParameterizedTest(name = "monthly reports {0} → episodic {1}")
    @MethodSource("episodic")
    void niceStopsWhenTheLastThreeMonthlyReportsAreAllBelowFifteen(List<Integer> recent, boolean episodic) {
        Decision nice = decide("nice", reporting(1, List.of(recent.get(recent.size() - 1)), recent), 2, AUTHORIZED);
        Decision commercial = decide("commercial-precert", reporting(1, List.of(recent.get(recent.size() - 1)), recent),
                2, AUTHORIZED);

        assertThat(nice.has(ReasonCode.EPISODIC_CONVERSION)).isEqualTo(episodic);
        assertThat(nice.outcome()).isEqualTo(episodic ? EligibilityOutcome.NOT_ELIGIBLE : EligibilityOutcome.ELIGIBLE);
        assertThat(commercial.has(ReasonCode.EPISODIC_CONVERSION)).as("only NICE has the rule").isFalse();
    }

    @Test
    void theEpisodicMessageNamesTheMonths() {
        Decision decision = decide("nice", reporting(1, List.of(13), List.of(12, 14, 13)), 2, AUTHORIZED);

        assertThat(decision.reasons()).singleElement().extracting(Decision.Reason::message).isEqualTo(
                "Fewer than 15 headache days in each of the last 3 monthly reports (12, 14, 13): the migraine is "
                        + "episodic now, and this policy stops treatment");
    }

    @Test
    void niceCountsDrugsBySubstanceThroughTheCatalogue() {
        DrugCatalogue catalogue = new DrugCatalogue(Map.of("Topamax", "topiramate", "Elavil", "amitriptyline"));
        Applicant brandAndSubstance = Applicants.withTrials(List.of(
                trial("Topamax", DrugClass.ANTICONVULSANT, 90, TrialResult.INEFFECTIVE),
                trial("topiramate ", DrugClass.ANTICONVULSANT, 90, TrialResult.INEFFECTIVE),
                trial("Elavil", DrugClass.TRICYCLIC, 90, TrialResult.INEFFECTIVE)));
        Applicant three = Applicants.withTrials(List.of(
                trial("Topamax", DrugClass.ANTICONVULSANT, 90, TrialResult.INEFFECTIVE),
                trial("propranolol", DrugClass.BETA_BLOCKER, 90, TrialResult.INEFFECTIVE),
                trial("Elavil", DrugClass.TRICYCLIC, 90, TrialResult.INEFFECTIVE)));
        Policy nice = ShippedPolicies.load("nice");

        assertThat(PolicyEngine.decide(nice, "nice", brandAndSubstance, 1, TODAY, LABEL, Coverage.noneOnFile(TODAY),
                catalogue).has(ReasonCode.INSUFFICIENT_PREVENTIVE_TRIALS)).isTrue();
        assertThat(PolicyEngine.decide(nice, "nice", three, 1, TODAY, LABEL, Coverage.noneOnFile(TODAY), catalogue)
                .outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(catalogue.substanceOf("  TOPAMAX ")).isEqualTo("topiramate");
        assertThat(catalogue.substanceOf("Qulipta")).as("unknown names count as themselves").isEqualTo("qulipta");
    }

    @ParameterizedTest(name = "{0}, {1} treatments before → authorization needed {2}")
    @CsvSource({"commercial-precert, 0, true", "commercial-precert, 1, true", "commercial-precert, 3, true",
            "workers-comp, 2, true", "nice, 0, false", "nice, 2, false", "label, 1, false"})
    void authorizationIsNeededBeforeEveryCourseWhereThePayerSaysSo(String policy, int completed, boolean needed) {
        Decision decision = decide(policy, Applicants.treated(completed, 20, 5), completed + 1,
                Coverage.noneOnFile(TODAY));

        assertThat(decision.has(ReasonCode.PRIOR_AUTH_REQUIRED)).isEqualTo(needed);
    }

    @Test
    void anInitialOnlyRuleAsksBeforeThePatientsFirstCourseOnly() {
        assertThat(Policy.PriorAuthorization.INITIAL.requiredAfter(0)).isTrue();
        assertThat(Policy.PriorAuthorization.INITIAL.requiredAfter(1)).isFalse();
        assertThat(Policy.PriorAuthorization.EVERY_COURSE.requiredAfter(7)).isTrue();
        assertThat(Policy.PriorAuthorization.NONE.requiredAfter(0)).isFalse();
    }

    @Test
    void anEligibleDecisionCarriesTheAuthorizationItReliesOn() {
        Decision decision = decide("commercial-precert", Applicants.qualifying(), 1, AUTHORIZED);

        assertThat(decision.outcome()).isEqualTo(EligibilityOutcome.ELIGIBLE);
        assertThat(decision.authorization()).isEqualTo(AUTHORIZED.authorization());
        assertThat(decide("label", Applicants.qualifying(), 1, AUTHORIZED).authorization())
                .as("a payer that needs none relies on none").isNull();
    }
}
