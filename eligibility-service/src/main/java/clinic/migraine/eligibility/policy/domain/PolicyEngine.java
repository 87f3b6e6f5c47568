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

    private PolicyEngine() {
    }

    /** A cycle judged with nothing on file and no drug catalogue, treatable from the evaluation date. */
    public static Decision decide(Policy policy, String requestedPolicyId, Applicant applicant, int cycle,
            LocalDate evaluationDate, Policy label) {
        return decide(policy, requestedPolicyId, applicant, cycle, evaluationDate, label,
                Coverage.noneOnFile(evaluationDate), DrugCatalogue.EMPTY);
    }

    /**
     * @param policy null when the payer policy is unknown: the label criteria apply and a clinician reviews
     * @param cycle 1 for the referral's initial course, n for its n-th cycle; the patient's treatments before the
     *        referral are in the applicant's history
     * @param coverage the prior authorization on file and the cycle's earliest day
     * @param drugs counts preventive drugs by substance
     */
    public static Decision decide(Policy policy, String requestedPolicyId, Applicant applicant, int cycle,
            LocalDate evaluationDate, Policy label, Coverage coverage, DrugCatalogue drugs) {
        Policy rules = policy == null ? label : policy;
        List<Decision.Reason> reasons = new ArrayList<>();
        if (policy == null) {
            reasons.add(reason(ReasonCode.UNKNOWN_PAYER_POLICY, "Payer policy '" + requestedPolicyId
                    + "' is not known here; judged on the label criteria, a clinician must confirm coverage"));
        }
        baseline(rules, applicant, evaluationDate, drugs, reasons);
        int completed = applicant.history().completedCycles();
        if (completed > 0) {
            courseLimit(rules, completed, reasons);
        }
        if (cycle > 1) {
            continuation(rules, applicant.history(), reasons);
        }
        Authorization reliedOn = null;
        if (rules.priorAuthorization().requiredAfter(completed)) {
            reliedOn = authorization(rules, completed, coverage, reasons);
        }
        List<Decision.Reason> hard = reasons.stream().filter(r -> r.code().hard()).toList();
        String policyId = policy == null ? requestedPolicyId : policy.id();
        String version = policy == null ? "unknown" : policy.version();
        if (!hard.isEmpty()) {
            return new Decision(EligibilityOutcome.NOT_ELIGIBLE, hard, policyId, version);
        }
        if (!reasons.isEmpty()) {
            return new Decision(EligibilityOutcome.NEEDS_REVIEW, reasons, policyId, version);
        }
        return new Decision(EligibilityOutcome.ELIGIBLE, List.of(), policyId, version, reliedOn);
    }

    /** The authorization relied on when it is valid for the cycle; otherwise a reason, and null. */
    private static Authorization authorization(Policy p, int completed, Coverage coverage,
            List<Decision.Reason> reasons) {
        String course = completed == 0 ? "the initial course" : "every course";
        Authorization onFile = coverage.authorization();
        if (onFile == null) {
            reasons.add(reason(ReasonCode.PRIOR_AUTH_REQUIRED, "Policy " + p.id() + " requires prior authorization for "
                    + course + "; none is on file"));
            return null;
        }
        if (!onFile.coversFrom(coverage.earliestTreatment())) {
            reasons.add(reason(ReasonCode.PRIOR_AUTH_EXPIRED, "The prior authorization ended on " + onFile.validUntil()
                    + ", before this cycle's earliest day " + coverage.earliestTreatment() + "; policy " + p.id()
                    + " requires one for " + course));
            return null;
        }
        if (onFile.usedUp()) {
            reasons.add(reason(ReasonCode.PRIOR_AUTH_EXPIRED, "The prior authorization covered "
                    + onFile.treatmentsAuthorized() + " treatment" + (onFile.treatmentsAuthorized() == 1 ? "" : "s")
                    + " and all have been given; policy " + p.id() + " requires a new one for " + course));
            return null;
        }
        return onFile;
    }

    private static void baseline(Policy p, Applicant a, LocalDate on, DrugCatalogue drugs,
            List<Decision.Reason> reasons) {
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
        trials(p.preventiveTrials(), a, drugs, reasons);
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

    private static void trials(Policy.PreventiveTrials rule, Applicant a, DrugCatalogue catalogue,
            List<Decision.Reason> reasons) {
        if (!rule.required()) {
            return;
        }
        List<Applicant.Trial> counted = a.preventiveTrials().stream().filter(t -> counts(rule.trialCounts(), t)).toList();
        long classes = counted.stream().map(Applicant.Trial::drugClass).distinct().count();
        long drugs = counted.stream().map(t -> catalogue.substanceOf(t.drug())).distinct().count();
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

    private static void courseLimit(Policy p, int completed, List<Decision.Reason> reasons) {
        if (p.maximumCourses() != null && completed >= p.maximumCourses()) {
            reasons.add(reason(ReasonCode.COURSE_LIMIT_REACHED, completed
                    + " courses completed; this policy covers at most " + p.maximumCourses()));
        }
    }

    /** The payer's stopping rules, on the reports of the previous cycle (the episodic rule: the last months). */
    private static void continuation(Policy p, Applicant.TreatmentHistory history, List<Decision.Reason> reasons) {
        Policy.Continuation rule = p.continuation();
        if (rule == null) {
            return;
        }
        Integer months = rule.stopWhenEpisodicForMonths();
        List<Integer> recent = history.recentReports();
        if (months != null && recent.size() >= months
                && recent.subList(recent.size() - months, recent.size()).stream()
                        .allMatch(days -> days < p.minimumHeadacheDaysPerMonth())) {
            reasons.add(reason(ReasonCode.EPISODIC_CONVERSION, "Fewer than " + p.minimumHeadacheDaysPerMonth()
                    + " headache days in each of the last " + months + " monthly reports ("
                    + recent.subList(recent.size() - months, recent.size()).stream().map(String::valueOf)
                            .collect(Collectors.joining(", "))
                    + "): the migraine is episodic now, and this policy stops treatment"));
        }
        if (history.completedCycles() < 2) {
            return;
        }
        Integer latest = history.latestHeadacheDaysPerMonth();
        int baseline = history.baselineHeadacheDaysPerMonth();
        int needed = rule.minimumHeadacheDayReductionPercent();
        String atLeast = rule.inclusive() ? "at least " : "more than ";
        if (latest == null) {
            reasons.add(reason(ReasonCode.MISSING_CLINICAL_DATA, "No headache diary after the last cycle's treatment; "
                    + "this policy needs " + atLeast + needed + " % fewer headache days to continue"));
            return;
        }
        if (!rule.enough(baseline, latest)) {
            double reduction = baseline <= 0 ? 0 : (baseline - latest) * 100.0 / baseline;
            reasons.add(reason(ReasonCode.INSUFFICIENT_RESPONSE, String.format(java.util.Locale.ROOT,
                    "Headache days went from %d to %d a month (%.0f %% fewer); this policy needs %s%d %% fewer",
                    baseline, latest, reduction, atLeast, needed)));
        }
    }

    private static Decision.Reason reason(ReasonCode code, String message) {
        return new Decision.Reason(code, message);
    }
}
