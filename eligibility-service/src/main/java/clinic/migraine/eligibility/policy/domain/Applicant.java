package clinic.migraine.eligibility.policy.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;


/**
 * What a decision is made on: the referral's baseline facts and, for a later cycle, the treatment so far.
 * Null numbers are unknown.
 */
public record Applicant(LocalDate dateOfBirth, String diagnosisCode, Integer headacheDaysPerMonth,
        Integer migraineDaysPerMonth, Integer chronicMigraineMonths, List<Trial> preventiveTrials,
        MedicationOveruse medicationOveruse, boolean onCgrpAntibody, Set<Contraindication> contraindications,
        TreatmentHistory history) {

    public record Trial(String drug, DrugClass drugClass, Integer days, TrialResult result) {
    }

    /**
     * @param completedCycles the patient's treatments so far, across referrals and elsewhere
     * @param cycleReports the monthly headache days reported after the previous cycle's treatment, oldest first:
     *        the continuation test is judged on these only
     * @param recentReports every monthly report since treatment began, oldest first: the episodic rule reads the
     *        last of them, across cycles
     */
    public record TreatmentHistory(int completedCycles, int baselineHeadacheDaysPerMonth, List<Integer> cycleReports,
            List<Integer> recentReports) {

        public static final TreatmentHistory NONE = new TreatmentHistory(0, 0, List.of(), List.of());

        public TreatmentHistory {
            cycleReports = List.copyOf(cycleReports);
            recentReports = List.copyOf(recentReports);
        }

        /** One report (or none) for the previous cycle, and that one as the whole history. */
        public TreatmentHistory(int completedCycles, int baselineHeadacheDaysPerMonth, Integer latest) {
            this(completedCycles, baselineHeadacheDaysPerMonth, latest == null ? List.of() : List.of(latest),
                    latest == null ? List.of() : List.of(latest));
        }

        /** The newest report of the previous cycle; null when there is none. */
        public Integer latestHeadacheDaysPerMonth() {
            return cycleReports.isEmpty() ? null : cycleReports.get(cycleReports.size() - 1);
        }
    }
}
