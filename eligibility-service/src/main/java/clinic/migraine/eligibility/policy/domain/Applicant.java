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
     * @param latestHeadacheDaysPerMonth from the newest diary; null when there is none
     */
    public record TreatmentHistory(int completedCycles, int baselineHeadacheDaysPerMonth,
            Integer latestHeadacheDaysPerMonth) {

        public static final TreatmentHistory NONE = new TreatmentHistory(0, 0, null);
    }
}
