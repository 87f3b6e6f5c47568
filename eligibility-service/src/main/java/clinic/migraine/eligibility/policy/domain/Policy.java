package clinic.migraine.eligibility.policy.domain;

import java.util.Set;


/**
 * One payer's coverage rules, loaded from a YAML file. Null means "no such condition" where the field says so.
 *
 * @param maximumCourses null: no limit
 * @param continuation null: no response test after two cycles
 */
public record Policy(String id, String version, String name, int minimumAge, int minimumHeadacheDaysPerMonth,
        int minimumMigraineDaysPerMonth, int minimumChronicMigraineMonths, Set<String> coveredDiagnosisCodes,
        PreventiveTrials preventiveTrials, boolean unmanagedMedicationOveruseAllowed,
        boolean concurrentCgrpAntibodyAllowed, boolean priorAuthorizationRequired, Continuation continuation,
        Integer maximumCourses) {

    /**
     * @param trialCounts null: every trial counts
     */
    public record PreventiveTrials(int minimumDistinctClasses, int minimumDistinctDrugs, TrialCounts trialCounts) {

        public boolean required() {
            return minimumDistinctClasses > 0 || minimumDistinctDrugs > 0;
        }
    }

    /** A trial counts when it lasted at least {@code minimumDays}, or ended with one of {@code orResults}. */
    public record TrialCounts(int minimumDays, Set<TrialResult> orResults) {
    }

    public record Continuation(int minimumHeadacheDayReductionPercent) {
    }
}
