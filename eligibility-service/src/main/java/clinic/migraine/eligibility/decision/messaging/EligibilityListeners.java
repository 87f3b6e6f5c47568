package clinic.migraine.eligibility.decision.messaging;

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
import clinic.migraine.events.ReferralSubmitted;
import clinic.migraine.events.ReferralWithdrawn;
import clinic.migraine.events.TreatmentCompleted;
import clinic.migraine.kit.inbox.ProcessedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One consumer per topic eligibility reads, bound in application.yml. */
@Configuration
class EligibilityListeners {

    @Bean
    Consumer<ReferralSubmitted> referralSubmitted(Inbox inbox) {
        return inbox::referralSubmitted;
    }

    @Bean
    Consumer<TreatmentCompleted> treatmentCompleted(Inbox inbox) {
        return inbox::treatmentCompleted;
    }

    @Bean
    Consumer<FollowUpRecorded> followUpRecorded(Inbox inbox) {
        return inbox::followUpRecorded;
    }

    @Bean
    Consumer<NextCycleDue> nextCycleDue(Inbox inbox) {
        return inbox::nextCycleDue;
    }

    @Bean
    Consumer<ReferralWithdrawn> referralWithdrawn(Inbox inbox) {
        return inbox::referralWithdrawn;
    }

    /**
     * Each event is applied once: its id is claimed in the transaction that applies it, so a redelivery finds it
     * taken and is skipped, and a rollback releases it for the retry.
     */
    @Component
    static class Inbox {

        private final ProcessedEvents processed;
        private final Eligibility eligibility;

        Inbox(ProcessedEvents processed, Eligibility eligibility) {
            this.processed = processed;
            this.eligibility = eligibility;
        }

        @Transactional
        public void referralSubmitted(ReferralSubmitted event) {
            if (processed.firstDelivery(event)) {
                eligibility.openCase(event.getReferralId(), event.getPayer().getPolicy(),
                        baseline(event), event.getOccurredAt());
            }
        }

        @Transactional
        public void treatmentCompleted(TreatmentCompleted event) {
            if (processed.firstDelivery(event)) {
                eligibility.recordTreatedCycle(event.getReferralId(), event.getCycle());
            }
        }

        @Transactional
        public void followUpRecorded(FollowUpRecorded event) {
            if (processed.firstDelivery(event) && event.getHeadacheDaysLast30() != null) {
                eligibility.recordLatestHeadacheDays(event.getReferralId(), event.getHeadacheDaysLast30(),
                        event.getOccurredAt());
            }
        }

        @Transactional
        public void nextCycleDue(NextCycleDue event) {
            if (processed.firstDelivery(event)) {
                eligibility.nextCycleDue(event.getReferralId(), event.getNextCycle(), event.getLatestHeadacheDays(),
                        event.getOccurredAt());
            }
        }

        @Transactional
        public void referralWithdrawn(ReferralWithdrawn event) {
            if (processed.firstDelivery(event)) {
                eligibility.withdraw(event.getReferralId());
            }
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
}
