package clinic.migraine.eligibility.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import clinic.migraine.events.ClinicalHistory;
import clinic.migraine.events.ContactChannel;
import clinic.migraine.events.Contraindication;
import clinic.migraine.events.DrugClass;
import clinic.migraine.events.MedicationOveruse;
import clinic.migraine.events.Payer;
import clinic.migraine.events.PreventiveTrial;
import clinic.migraine.events.ReferralContact;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.TrialResult;

/** Object Mother: a submitted referral with three failed preventives, under a given payer policy. */
final class Referrals {

    private Referrals() {
    }

    static ReferralSubmitted referral(String policy, int headacheDays) {
        return referral(policy, headacheDays, List.of());
    }

    /** One every shipped policy accepts on its numbers, with contraindications a clinician has to weigh. */
    static ReferralSubmitted referral(String policy, int headacheDays, List<Contraindication> contraindications) {
        return ReferralSubmitted.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now()).setReferralId(UUID.randomUUID())
                .setPatientId(UUID.randomUUID()).setDateOfBirth(LocalDate.of(1984, 3, 9))
                .setContact(ReferralContact.newBuilder().setEmail("ana@example.org").setPhone(null)
                        .setTimeZone("America/Los_Angeles").setPreferredChannel(ContactChannel.EMAIL).build())
                .setPayer(Payer.newBuilder().setPolicy(policy).setMemberId("XJ-99812").build())
                .setDiagnosisCode("G43.709")
                .setClinical(ClinicalHistory.newBuilder().setHeadacheDaysPerMonth(headacheDays).setMigraineDaysPerMonth(10)
                        .setChronicMigraineMonths(9)
                        .setPreventiveTrials(List.of(
                                trial("topiramate", DrugClass.ANTICONVULSANT), trial("propranolol", DrugClass.BETA_BLOCKER),
                                trial("amitriptyline", DrugClass.TRICYCLIC)))
                        .setMedicationOveruse(MedicationOveruse.NONE).setOnCgrpAntibody(false)
                        .setContraindications(contraindications).build())
                .setFirstName("Ana").setLastName("Lopez")
                .build();
    }

    private static PreventiveTrial trial(String drug, DrugClass drugClass) {
        return PreventiveTrial.newBuilder().setDrug(drug).setDrugClass(drugClass).setDays(90)
                .setResult(TrialResult.INEFFECTIVE).build();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
