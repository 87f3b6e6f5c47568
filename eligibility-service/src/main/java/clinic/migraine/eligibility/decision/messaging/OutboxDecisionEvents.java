package clinic.migraine.eligibility.decision.messaging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.eligibility.decision.application.DecisionEvents;
import clinic.migraine.eligibility.decision.domain.Baseline;
import clinic.migraine.eligibility.decision.domain.CycleDecision;
import clinic.migraine.eligibility.decision.domain.ReferralCases;
import clinic.migraine.eligibility.policy.domain.Policies;
import clinic.migraine.eligibility.policy.domain.Policy;
import clinic.migraine.events.Authorization;
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
    private final Policies policies;

    OutboxDecisionEvents(Outbox outbox, ReferralCases cases, Policies policies) {
        this.outbox = outbox;
        this.cases = cases;
        this.policies = policies;
    }

    /** The payer's continuation line for the patient's chart: the baseline less the reduction the policy needs. */
    private Double continuationLine(CycleDecision d) {
        Integer baseline = cases.baseline(d.referralId()).map(Baseline::headacheDaysPerMonth).orElse(null);
        return policies.find(d.policyId()).map(Policy::continuation)
                .filter(rule -> baseline != null)
                .map(rule -> baseline * (100 - rule.minimumHeadacheDayReductionPercent()) / 100.0).orElse(null);
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
                .setContinuationHeadacheDays(continuationLine(d))
                .setAuthorization(d.authorization() == null ? null : Authorization.newBuilder()
                        .setNumber(d.authorization().number()).setValidFrom(d.authorization().validFrom())
                        .setValidUntil(d.authorization().validUntil())
                        .setTreatmentsAuthorized(d.authorization().treatmentsAuthorized())
                        .setTreatmentsUsed(d.authorization().treatmentsUsed()).build())
                .build());
    }
}
