package clinic.migraine.eligibility.policy.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;






/** Object Mother: an applicant every shipped policy accepts, and ways to change one thing about her. */
final class Applicants {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private Applicants() {
    }

    static Applicant qualifying() {
        return new Applicant(LocalDate.of(1984, 3, 9), "G43.709", 18, 10, 9, List.of(
                new Applicant.Trial("topiramate", DrugClass.ANTICONVULSANT, 90, TrialResult.INEFFECTIVE),
                new Applicant.Trial("propranolol", DrugClass.BETA_BLOCKER, 70, TrialResult.INEFFECTIVE),
                new Applicant.Trial("amitriptyline", DrugClass.TRICYCLIC, 20, TrialResult.NOT_TOLERATED)),
                MedicationOveruse.NONE, false, Set.of(), Applicant.TreatmentHistory.NONE);
    }

    static Applicant withDays(Integer headache, Integer migraine, Integer months) {
        Applicant a = qualifying();
        return new Applicant(a.dateOfBirth(), a.diagnosisCode(), headache, migraine, months, a.preventiveTrials(),
                a.medicationOveruse(), a.onCgrpAntibody(), a.contraindications(), a.history());
    }

    static Applicant bornOn(LocalDate birth) {
        Applicant a = qualifying();
        return new Applicant(birth, a.diagnosisCode(), a.headacheDaysPerMonth(), a.migraineDaysPerMonth(),
                a.chronicMigraineMonths(), a.preventiveTrials(), a.medicationOveruse(), a.onCgrpAntibody(),
                a.contraindications(), a.history());
    }

    static Applicant withCode(String code) {
        Applicant a = qualifying();
        return new Applicant(a.dateOfBirth(), code, a.headacheDaysPerMonth(), a.migraineDaysPerMonth(),
                a.chronicMigraineMonths(), a.preventiveTrials(), a.medicationOveruse(), a.onCgrpAntibody(),
                a.contraindications(), a.history());
    }

    static Applicant withTrials(List<Applicant.Trial> trials) {
        Applicant a = qualifying();
        return new Applicant(a.dateOfBirth(), a.diagnosisCode(), a.headacheDaysPerMonth(), a.migraineDaysPerMonth(),
                a.chronicMigraineMonths(), trials, a.medicationOveruse(), a.onCgrpAntibody(), a.contraindications(),
                a.history());
    }

    static Applicant with(MedicationOveruse overuse, boolean cgrp, Set<Contraindication> contraindications) {
        Applicant a = qualifying();
        return new Applicant(a.dateOfBirth(), a.diagnosisCode(), a.headacheDaysPerMonth(), a.migraineDaysPerMonth(),
                a.chronicMigraineMonths(), a.preventiveTrials(), overuse, cgrp, contraindications, a.history());
    }

    static Applicant treated(int completedCycles, int baseline, Integer latest) {
        Applicant a = withDays(baseline, 10, 9);
        return new Applicant(a.dateOfBirth(), a.diagnosisCode(), a.headacheDaysPerMonth(), a.migraineDaysPerMonth(),
                a.chronicMigraineMonths(), a.preventiveTrials(), a.medicationOveruse(), a.onCgrpAntibody(),
                a.contraindications(), new Applicant.TreatmentHistory(completedCycles, baseline, latest));
    }

    static Applicant.Trial trial(String drug, DrugClass drugClass, Integer days, TrialResult result) {
        return new Applicant.Trial(drug, drugClass, days, result);
    }
}
