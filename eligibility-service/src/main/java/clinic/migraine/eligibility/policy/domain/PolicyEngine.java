package clinic.migraine.eligibility.policy.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;


/**
 * Decides eligibility under a payer policy. Any hard reason makes the referral NOT_ELIGIBLE and every hard
 * reason found is listed; otherwise any review reason sends it to a clinician (NEEDS_REVIEW); otherwise it is
 * ELIGIBLE. Baseline criteria are always judged on the referral's numbers, never on the improved ones.
 */
public final class PolicyEngine {

    private static final Set<ReasonCode> HARD = Set.of(ReasonCode.AGE_BELOW_MINIMUM,
            ReasonCode.HEADACHE_DAYS_BELOW_MINIMUM, ReasonCode.MIGRAINE_DAYS_BELOW_MINIMUM,
            ReasonCode.DURATION_BELOW_MINIMUM, ReasonCode.DIAGNOSIS_NOT_COVERED,
            ReasonCode.INSUFFICIENT_PREVENTIVE_TRIALS, ReasonCode.MEDICATION_OVERUSE_UNMANAGED,
            ReasonCode.CONCURRENT_CGRP_ANTIBODY, ReasonCode.CONTRAINDICATED, ReasonCode.INSUFFICIENT_RESPONSE,
            ReasonCode.COURSE_LIMIT_REACHED);

    private PolicyEngine() {
    }

    /**
     * @param policy null when the payer policy is unknown: the label criteria apply and a clinician reviews
     * @param cycle 1 for the initial course, n for the n-th cycle
     */
    public static Decision decide(Policy policy, String requestedPolicyId, Applicant applicant, int cycle,
            LocalDate evaluationDate, Policy label) {
        Policy rules = policy == null ? label : policy;
        List<Decision.Reason> reasons = new ArrayList<>();
        if (policy == null) {
            reasons.add(reason(ReasonCode.UNKNOWN_PAYER_POLICY, "Payer policy '" + requestedPolicyId
                    + "' is not known here; judged on the label criteria, a clinician must confirm coverage"));
        }
        baseline(rules, applicant, evaluationDate, reasons);
        if (cycle > 1) {
            continuation(rules, applicant.history(), reasons);
        } else if (rules.priorAuthorizationRequired()) {
            reasons.add(reason(ReasonCode.PRIOR_AUTH_REQUIRED,
                    "Policy " + rules.id() + " requires prior authorization for the initial course"));
        }
        List<Decision.Reason> hard = reasons.stream().filter(r -> HARD.contains(r.code())).toList();
        String policyId = policy == null ? requestedPolicyId : policy.id();
        String version = policy == null ? "unknown" : policy.version();
        if (!hard.isEmpty()) {
            return new Decision(EligibilityOutcome.NOT_ELIGIBLE, hard, policyId, version);
        }
        if (!reasons.isEmpty()) {
            return new Decision(EligibilityOutcome.NEEDS_REVIEW, reasons, policyId, version);
        }
        return new Decision(EligibilityOutcome.ELIGIBLE, List.of(), policyId, version);
    }

    private static void baseline(Policy p, Applicant a, LocalDate on, List<Decision.Reason> reasons) {
        int age = Period.between(a.dateOfBirth(), on).getYears();
        if (age < p.minimumAge()) {
            reasons.add(reason(ReasonCode.AGE_BELOW_MINIMUM,
                    "Patient is " + age + " years old; this policy needs at least " + p.minimumAge()));
        }
        atLeast(a.headacheDaysPerMonth(), p.minimumHeadacheDaysPerMonth(), ReasonCode.HEADACHE_DAYS_BELOW_MINIMUM,
                "headache days a month", "headache days a month", reasons);
        atLeast(a.migraineDaysPerMonth(), p.minimumMigraineDaysPerMonth(), ReasonCode.MIGRAINE_DAYS_BELOW_MINIMUM,
                "migraine days a month", "migraine days a month", reasons);
        atLeast(a.chronicMigraineMonths(), p.minimumChronicMigraineMonths(), ReasonCode.DURATION_BELOW_MINIMUM,
                "months of chronic migraine", "months of chronic migraine", reasons);
        if (!p.coveredDiagnosisCodes().contains(a.diagnosisCode())) {
            reasons.add(reason(ReasonCode.DIAGNOSIS_NOT_COVERED, "Diagnosis " + a.diagnosisCode()
                    + " is not covered; this policy covers " + String.join(", ", p.coveredDiagnosisCodes().stream()
                            .sorted().toList())));
        }
        trials(p.preventiveTrials(), a, reasons);
        if (a.medicationOveruse() == MedicationOveruse.UNMANAGED && !p.unmanagedMedicationOveruseAllowed()) {
            reasons.add(reason(ReasonCode.MEDICATION_OVERUSE_UNMANAGED,
                    "Medication-overuse headache is not yet managed; this policy needs it managed first"));
        }
        if (a.onCgrpAntibody() && !p.concurrentCgrpAntibodyAllowed()) {
            reasons.add(reason(ReasonCode.CONCURRENT_CGRP_ANTIBODY,
                    "Patient takes a CGRP antibody; this policy does not cover both at the same time"));
        }
        Set<Contraindication> contraindications = a.contraindications();
        if (contraindications.contains(Contraindication.BOTULINUM_HYPERSENSITIVITY)) {
            reasons.add(reason(ReasonCode.CONTRAINDICATED,
                    "Hypersensitivity to botulinum toxin: must never be treated"));
        }
        if (contraindications.contains(Contraindication.INJECTION_SITE_INFECTION)) {
            reasons.add(reason(ReasonCode.INJECTION_SITE_INFECTION,
                    "Infection at the injection sites: treatment waits until it has cleared"));
        }
        if (contraindications.contains(Contraindication.NEUROMUSCULAR_DISORDER)) {
            reasons.add(reason(ReasonCode.NEUROMUSCULAR_CAUTION,
                    "Neuromuscular disorder: higher risk of serious side effects, a clinician decides"));
        }
        if (contraindications.contains(Contraindication.PREGNANCY)) {
            reasons.add(reason(ReasonCode.PREGNANCY_CAUTION, "Pregnancy: a clinician decides"));
        }
    }

    private static void atLeast(Integer value, int minimum, ReasonCode code, String what, String unit,
            List<Decision.Reason> reasons) {
        if (value == null) {
            reasons.add(reason(ReasonCode.MISSING_CLINICAL_DATA, "Number of " + what + " is unknown; this policy needs at least "
                    + minimum));
        } else if (value < minimum) {
            reasons.add(reason(code, value + " " + unit + "; this policy needs at least " + minimum));
        }
    }

    private static void trials(Policy.PreventiveTrials rule, Applicant a, List<Decision.Reason> reasons) {
        if (!rule.required()) {
            return;
        }
        List<Applicant.Trial> counted = a.preventiveTrials().stream().filter(t -> counts(rule.trialCounts(), t)).toList();
        long classes = counted.stream().map(Applicant.Trial::drugClass).distinct().count();
        long drugs = counted.stream().map(t -> t.drug().trim().toLowerCase()).distinct().count();
        List<String> needs = new ArrayList<>();
        if (drugs < rule.minimumDistinctDrugs()) {
            needs.add("at least " + rule.minimumDistinctDrugs() + " different drugs");
        }
        if (classes < rule.minimumDistinctClasses()) {
            needs.add("at least " + rule.minimumDistinctClasses() + " drug classes");
        }
        if (!needs.isEmpty()) {
            String countedWhen = rule.trialCounts() == null ? "" : " (a trial counts after "
                    + rule.trialCounts().minimumDays() + " days or when " + rule.trialCounts().orResults().stream()
                            .map(Enum::name).sorted().collect(Collectors.joining(" or ")) + ")";
            reasons.add(reason(ReasonCode.INSUFFICIENT_PREVENTIVE_TRIALS, drugs + " failed preventive drug"
                    + (drugs == 1 ? "" : "s") + " from " + classes + " class" + (classes == 1 ? "" : "es")
                    + " count; this policy needs " + String.join(" and ", needs) + countedWhen));
        }
    }

    private static boolean counts(Policy.TrialCounts rule, Applicant.Trial trial) {
        if (rule == null) {
            return true;
        }
        return (trial.days() != null && trial.days() >= rule.minimumDays()) || rule.orResults().contains(trial.result());
    }

    private static void continuation(Policy p, Applicant.TreatmentHistory history, List<Decision.Reason> reasons) {
        if (p.maximumCourses() != null && history.completedCycles() >= p.maximumCourses()) {
            reasons.add(reason(ReasonCode.COURSE_LIMIT_REACHED, history.completedCycles()
                    + " courses completed; this policy covers at most " + p.maximumCourses()));
        }
        if (history.completedCycles() < 2 || p.continuation() == null) {
            return;
        }
        Integer latest = history.latestHeadacheDaysPerMonth();
        int baseline = history.baselineHeadacheDaysPerMonth();
        int needed = p.continuation().minimumHeadacheDayReductionPercent();
        if (latest == null) {
            reasons.add(reason(ReasonCode.MISSING_CLINICAL_DATA,
                    "No headache diary after treatment; this policy needs a " + needed + " % reduction to continue"));
            return;
        }
        double reduction = baseline <= 0 ? 0 : (baseline - latest) * 100.0 / baseline;
        if (reduction < needed) {
            reasons.add(reason(ReasonCode.INSUFFICIENT_RESPONSE, String.format(java.util.Locale.ROOT,
                    "Headache days went from %d to %d a month (%.0f %% fewer); this policy needs at least %d %% fewer",
                    baseline, latest, reduction, needed)));
        }
    }

    private static Decision.Reason reason(ReasonCode code, String message) {
        return new Decision.Reason(code, message);
    }
}
