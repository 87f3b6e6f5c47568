package clinic.migraine.intake.referral.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A referral as staff submit it, already checked field by field at the door. Lists the sender left out stay null,
 * so the stored clinical history reads exactly as sent.
 */
public record ReferralDraft(PatientDetails patient, ReferringPractice referrer, Coverage payer, String diagnosisCode,
        ClinicalFacts clinical, List<OutsideTreatment> outsideTreatments) {

    /** The treatments the patient had elsewhere, none when the sender left them out. */
    public List<OutsideTreatment> outsideTreatmentList() {
        return outsideTreatments == null ? List.of() : outsideTreatments;
    }

    /** An injection given at another clinic before this referral. */
    public record OutsideTreatment(LocalDate date, Integer units, String clinic) {
    }

    public record PatientDetails(String firstName, String lastName, LocalDate dateOfBirth, String email, String phone,
            String timeZone, ContactChannel preferredChannel) {
    }

    public record ReferringPractice(String name, String npi) {
    }

    public record Coverage(String policy, String memberId) {
    }

    public record ClinicalFacts(Integer headacheDaysPerMonth, Integer migraineDaysPerMonth,
            Integer chronicMigraineMonths, List<Trial> preventiveTrials, MedicationOveruse medicationOveruse,
            Boolean onCgrpAntibody, List<Contraindication> contraindications) {

        public List<Trial> trials() {
            return preventiveTrials == null ? List.of() : preventiveTrials;
        }

        public List<Contraindication> contraindicationList() {
            return contraindications == null ? List.of() : contraindications;
        }
    }

    public record Trial(String drug, DrugClass drugClass, Integer days, TrialResult result) {
    }
}
