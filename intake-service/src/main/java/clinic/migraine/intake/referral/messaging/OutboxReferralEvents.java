package clinic.migraine.intake.referral.messaging;

import java.util.Comparator;
import java.util.UUID;

import clinic.migraine.events.ClinicalHistory;
import clinic.migraine.events.ContactChannel;
import clinic.migraine.events.Contraindication;
import clinic.migraine.events.DrugClass;
import clinic.migraine.events.MedicationOveruse;
import clinic.migraine.events.OutsideTreatment;
import clinic.migraine.events.PatientUpdated;
import clinic.migraine.events.Payer;
import clinic.migraine.events.PreventiveTrial;
import clinic.migraine.events.ReferralContact;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.events.TrialResult;
import clinic.migraine.intake.referral.application.ReferralEvents;
import clinic.migraine.intake.referral.domain.Referral;
import clinic.migraine.intake.referral.domain.ReferralDraft;
import clinic.migraine.intake.referral.domain.ReferralReceived;
import clinic.migraine.kit.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Maps referral events to their Avro contracts and writes them to the outbox in the caller's transaction. The
 * closed sets are spelled alike in the contract and the domain.
 */
@Component
class OutboxReferralEvents implements ReferralEvents {

    private final Outbox outbox;

    OutboxReferralEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void received(ReferralReceived received) {
        ReferralDraft draft = received.draft();
        ReferralDraft.PatientDetails patient = draft.patient();
        ReferralDraft.ClinicalFacts clinical = draft.clinical();
        outbox.publish(ReferralSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(received.at())
                .setReferralId(received.referralId())
                .setPatientId(received.patientId())
                .setDateOfBirth(patient.dateOfBirth())
                .setContact(ReferralContact.newBuilder().setEmail(patient.email()).setPhone(patient.phone())
                        .setTimeZone(patient.timeZone())
                        .setPreferredChannel(ContactChannel.valueOf(patient.preferredChannel().name())).build())
                .setPayer(Payer.newBuilder().setPolicy(draft.payer().policy()).setMemberId(draft.payer().memberId())
                        .build())
                .setDiagnosisCode(draft.diagnosisCode())
                .setClinical(ClinicalHistory.newBuilder()
                        .setHeadacheDaysPerMonth(clinical.headacheDaysPerMonth())
                        .setMigraineDaysPerMonth(clinical.migraineDaysPerMonth())
                        .setChronicMigraineMonths(clinical.chronicMigraineMonths())
                        .setPreventiveTrials(clinical.trials().stream().map(t -> PreventiveTrial.newBuilder()
                                .setDrug(t.drug()).setDrugClass(DrugClass.valueOf(t.drugClass().name()))
                                .setDays(t.days()).setResult(TrialResult.valueOf(t.result().name()))
                                .build()).toList())
                        .setMedicationOveruse(MedicationOveruse.valueOf(clinical.medicationOveruse().name()))
                        .setOnCgrpAntibody(clinical.onCgrpAntibody())
                        .setContraindications(clinical.contraindicationList().stream()
                                .map(c -> Contraindication.valueOf(c.name())).toList())
                        .build())
                .setOutsideTreatments(draft.outsideTreatmentList().stream()
                        .sorted(Comparator.comparing(ReferralDraft.OutsideTreatment::date))
                        .map(t -> OutsideTreatment.newBuilder().setDate(t.date()).setUnits(t.units())
                                .setClinic(t.clinic()).build())
                        .toList())
                // the staff of the other services work with people, not ids; never logged or audited anywhere
                .setFirstName(patient.firstName()).setLastName(patient.lastName())
                .build());
    }

    @Override
    public void renamed(UUID referralId, UUID patientId, String firstName, String lastName, java.time.Instant at) {
        outbox.publish(PatientUpdated.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at)
                .setReferralId(referralId).setPatientId(patientId).setFirstName(firstName).setLastName(lastName)
                .build());
    }

    @Override
    public UUID withdrawn(Referral.Withdrawn withdrawn) {
        ReferralWithdrawn event = ReferralWithdrawn.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(withdrawn.at()).setReferralId(withdrawn.referralId()).setReason(withdrawn.reason())
                .setActor(withdrawn.actor()).build();
        outbox.publish(event);
        return event.getEventId();
    }
}
