package clinic.migraine.eligibility.decision;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import clinic.migraine.eligibility.policy.Applicant;
import clinic.migraine.events.ClinicalHistory;
import clinic.migraine.events.Contraindication;
import clinic.migraine.events.DrugClass;
import clinic.migraine.events.MedicationOveruse;
import clinic.migraine.events.TrialResult;

/** The referral's baseline facts as stored (JSON) and shown to clinicians. */
public record StoredApplicant(LocalDate dateOfBirth, String diagnosisCode, Integer headacheDaysPerMonth,
        Integer migraineDaysPerMonth, Integer chronicMigraineMonths, List<Trial> preventiveTrials,
        MedicationOveruse medicationOveruse, boolean onCgrpAntibody, List<Contraindication> contraindications) {

    public record Trial(String drug, DrugClass drugClass, Integer days, TrialResult result) {
    }

    static StoredApplicant of(LocalDate dateOfBirth, String diagnosisCode, ClinicalHistory clinical) {
        return new StoredApplicant(dateOfBirth, diagnosisCode, clinical.getHeadacheDaysPerMonth(),
                clinical.getMigraineDaysPerMonth(), clinical.getChronicMigraineMonths(),
                clinical.getPreventiveTrials().stream()
                        .map(t -> new Trial(t.getDrug(), t.getDrugClass(), t.getDays(), t.getResult())).toList(),
                clinical.getMedicationOveruse(), clinical.getOnCgrpAntibody(), clinical.getContraindications());
    }

    Applicant applicant(Applicant.TreatmentHistory history) {
        return new Applicant(dateOfBirth, diagnosisCode, headacheDaysPerMonth, migraineDaysPerMonth,
                chronicMigraineMonths, preventiveTrials.stream()
                        .map(t -> new Applicant.Trial(t.drug(), t.drugClass(), t.days(), t.result())).toList(),
                medicationOveruse, onCgrpAntibody, new HashSet<>(contraindications), history);
    }
}
