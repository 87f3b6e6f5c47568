package clinic.migraine.eligibility.decision.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import clinic.migraine.eligibility.policy.domain.Applicant;
import clinic.migraine.eligibility.policy.domain.Contraindication;
import clinic.migraine.eligibility.policy.domain.DrugClass;
import clinic.migraine.eligibility.policy.domain.MedicationOveruse;
import clinic.migraine.eligibility.policy.domain.TrialResult;

/** The referral's baseline facts, as the referral gave them: kept with the case and shown to clinicians. */
public record Baseline(LocalDate dateOfBirth, String diagnosisCode, Integer headacheDaysPerMonth,
        Integer migraineDaysPerMonth, Integer chronicMigraineMonths, List<ReportedTrial> preventiveTrials,
        MedicationOveruse medicationOveruse, boolean onCgrpAntibody, List<Contraindication> contraindications) {

    public record ReportedTrial(String drug, DrugClass drugClass, Integer days, TrialResult result) {
    }

    /** The applicant a cycle is judged on: these facts and the treatment so far. */
    public Applicant applicant(Applicant.TreatmentHistory history) {
        return new Applicant(dateOfBirth, diagnosisCode, headacheDaysPerMonth, migraineDaysPerMonth,
                chronicMigraineMonths, preventiveTrials.stream()
                        .map(t -> new Applicant.Trial(t.drug(), t.drugClass(), t.days(), t.result())).toList(),
                medicationOveruse, onCgrpAntibody, new HashSet<>(contraindications), history);
    }
}
