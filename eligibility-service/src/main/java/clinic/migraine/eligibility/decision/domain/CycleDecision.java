package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.migraine.eligibility.policy.domain.Decision;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;

/**
 * One cycle's decision as stored and published: by the rules, or by a clinician with a note. A cycle has one
 * decision by the rules; a clinician's closes its review.
 */
public record CycleDecision(UUID id, UUID referralId, int cycle, EligibilityOutcome outcome,
        List<Decision.Reason> reasons, String policyId, String policyVersion, DecidedBy decidedBy, String clinician,
        String note, Instant decidedAt) {

    public CycleDecision {
        reasons = List.copyOf(reasons);
    }

    static CycleDecision byRules(UUID referralId, int cycle, Decision decision, Instant at) {
        return new CycleDecision(UUID.randomUUID(), referralId, cycle, decision.outcome(), decision.reasons(),
                decision.policyId(), decision.policyVersion(), DecidedBy.RULES, null, null, at);
    }
}
