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
        boolean concurrentCgrpAntibodyAllowed, PriorAuthorization priorAuthorization, Continuation continuation,
        Integer maximumCourses) {

    /** When the payer wants its prior authorization on file. */
    public enum PriorAuthorization {
        /** Never. */
        NONE,
        /** Before the patient's first course only. */
        INITIAL,
        /** Before every course: each authorization covers its dates and a number of treatments. */
        EVERY_COURSE;

        /** @param completedTreatments the patient's treatments so far, here and elsewhere */
        public boolean requiredAfter(int completedTreatments) {
            return this == EVERY_COURSE || (this == INITIAL && completedTreatments == 0);
        }
    }

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

    /**
     * The payer's stopping rules.
     *
     * @param inclusive true: a reduction of exactly the percentage is enough; false: it must be more
     * @param stopWhenEpisodicForMonths null: no such rule; n: fewer than the minimum headache days in each of the
     *        last n monthly reports ends the course
     */
    public record Continuation(int minimumHeadacheDayReductionPercent, boolean inclusive,
            Integer stopWhenEpisodicForMonths) {

        /** Whether headache days falling from {@code baseline} to {@code latest} a month are enough to go on. */
        public boolean enough(int baseline, int latest) {
            // in whole numbers: (baseline - latest) / baseline against percent / 100, without rounding
            long reduced = (long) (baseline - latest) * 100;
            long needed = (long) minimumHeadacheDayReductionPercent * baseline;
            if (baseline <= 0) {
                return minimumHeadacheDayReductionPercent == 0 && inclusive;
            }
            return inclusive ? reduced >= needed : reduced > needed;
        }
    }
}
