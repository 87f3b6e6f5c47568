package clinic.migraine.eligibility.decision.messaging;

import java.util.List;
import java.util.function.Consumer;

import clinic.migraine.eligibility.decision.application.Eligibility;
import clinic.migraine.eligibility.decision.domain.Baseline;
import clinic.migraine.eligibility.policy.domain.Contraindication;
import clinic.migraine.eligibility.policy.domain.DrugClass;
import clinic.migraine.eligibility.policy.domain.MedicationOveruse;
import clinic.migraine.eligibility.policy.domain.TrialResult;
import clinic.migraine.events.ClinicalHistory;
import clinic.migraine.events.FollowUpRecorded;
import clinic.migraine.events.NextCycleDue;
import clinic.migraine.events.OutsideTreatment;
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.kit.messaging.EventBatches;
import clinic.migraine.kit.messaging.EventHandlers;
import clinic.migraine.kit.patients.PatientDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One binding over every topic eligibility reads (application.yml), in batch mode: each poll's events are applied in
 * one transaction, each once ({@link EventBatches}), by their type.
 */
@Configuration
class EligibilityListeners {

    @Bean
    Consumer<Message<List<Object>>> events(EventBatches batches, Eligibility eligibility, PatientDirectory directory) {
        return batches.listener(EventHandlers.create()
                .patientUpdates(directory)
                .on(ReferralSubmitted.class, event -> {
                    directory.remember(event);
                    eligibility.openCase(event.getReferralId(), event.getPatientId(), event.getOutsideTreatments()
                            .stream().map(OutsideTreatment::getDate).sorted().toList(), event.getPayer().getPolicy(),
                            baseline(event), event.getOccurredAt());
                })
                .on(TreatmentCompleted.class, event -> eligibility.recordTreatedCycle(event.getReferralId(),
                        event.getCycle(), event.getTreatmentDate()))
                .on(FollowUpRecorded.class, event -> {
                    if (event.getHeadacheDaysLast30() != null) {
                        eligibility.recordDiaryReport(event.getReferralId(), event.getCycle(),
                                event.getHeadacheDaysLast30(), event.getOccurredAt());
                    }
                })
                .on(NextCycleDue.class, event -> eligibility.nextCycleDue(event.getReferralId(), event.getNextCycle(),
                        event.getLatestHeadacheDays(), event.getEarliestDate()))
                .on(ReferralWithdrawn.class, event -> eligibility.withdraw(event.getReferralId())));
    }

    /** The closed sets are spelled alike in the contract and the domain. */
    private static Baseline baseline(ReferralSubmitted event) {
        ClinicalHistory clinical = event.getClinical();
        return new Baseline(event.getDateOfBirth(), event.getDiagnosisCode(), clinical.getHeadacheDaysPerMonth(),
                clinical.getMigraineDaysPerMonth(), clinical.getChronicMigraineMonths(),
                clinical.getPreventiveTrials().stream().map(t -> new Baseline.ReportedTrial(t.getDrug(),
                        DrugClass.valueOf(t.getDrugClass().name()), t.getDays(),
                        TrialResult.valueOf(t.getResult().name()))).toList(),
                MedicationOveruse.valueOf(clinical.getMedicationOveruse().name()), clinical.getOnCgrpAntibody(),
                clinical.getContraindications().stream().map(c -> Contraindication.valueOf(c.name())).toList());
    }
}
