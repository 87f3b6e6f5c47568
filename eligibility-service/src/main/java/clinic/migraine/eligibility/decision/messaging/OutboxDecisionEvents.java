package clinic.migraine.eligibility.decision.messaging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.eligibility.decision.application.DecisionEvents;
import clinic.migraine.eligibility.decision.domain.CycleDecision;
import clinic.migraine.eligibility.decision.domain.ReferralCases;
import clinic.migraine.events.DecisionMaker;
import clinic.migraine.events.EligibilityDetermined;
import clinic.migraine.events.EligibilityOutcome;
import clinic.migraine.events.Reason;
import clinic.migraine.events.ReasonCode;
import clinic.migraine.kit.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Maps a decision to {@code EligibilityDetermined} and writes it to the outbox in the caller's transaction. */
@Component
class OutboxDecisionEvents implements DecisionEvents {

    private final Outbox outbox;
    private final ReferralCases cases;

    OutboxDecisionEvents(Outbox outbox, ReferralCases cases) {
        this.outbox = outbox;
        this.cases = cases;
    }

    @Override
    public void publish(CycleDecision d) {
        Optional<ReferralCases.PatientOfReferral> patient = cases.patientOf(d.referralId());
        outbox.publish(EligibilityDetermined.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(d.decidedAt()).setReferralId(d.referralId())
                .setCycle(d.cycle()).setOutcome(EligibilityOutcome.valueOf(d.outcome().name()))
                .setReasons(d.reasons().stream().map(r -> Reason.newBuilder()
                        .setCode(ReasonCode.valueOf(r.code().name())).setMessage(r.message()).build()).toList())
                .setPolicyId(d.policyId()).setPolicyVersion(d.policyVersion())
                .setDecidedBy(DecisionMaker.valueOf(d.decidedBy().name())).setClinician(d.clinician())
                // the patient across referrals and their injections elsewhere: scheduling keeps 84 days per patient
                .setPatientId(patient.map(ReferralCases.PatientOfReferral::patientId).orElse(null))
                .setPriorTreatmentDates(patient.map(ReferralCases.PatientOfReferral::treatedElsewhere)
                        .orElse(List.of()))
                .build());
    }
}
