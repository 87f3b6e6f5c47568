package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.migraine.eligibility.policy.domain.Authorization;
import clinic.migraine.eligibility.policy.domain.Decision;
import clinic.migraine.eligibility.policy.domain.EligibilityOutcome;
import clinic.migraine.eligibility.policy.domain.ReasonCode;

/**
 * One cycle's decision as stored and published: by the rules, or by a clinician with a note. A cycle has one
 * decision by the rules; a clinician's closes its review.
 *
 * @param authorization the payer's prior authorization an ELIGIBLE decision relies on; null when none is needed
 */
public record CycleDecision(UUID id, UUID referralId, int cycle, EligibilityOutcome outcome,
        List<Decision.Reason> reasons, String policyId, String policyVersion, DecidedBy decidedBy, String clinician,
        String note, Instant decidedAt, Authorization authorization) {

    public CycleDecision {
        reasons = List.copyOf(reasons);
    }

    static CycleDecision byRules(UUID referralId, int cycle, Decision decision, Instant at) {
        return new CycleDecision(UUID.randomUUID(), referralId, cycle, decision.outcome(), decision.reasons(),
                decision.policyId(), decision.policyVersion(), DecidedBy.RULES, null, null, at,
                decision.authorization());
    }

    /**
     * Ending a course is a clinician's act: when the rules would stop a patient already treated, the cycle waits
     * for a clinician to confirm the end (or continue), with the rules' reasons.
     */
    static CycleDecision endOfCourseToConfirm(UUID referralId, int cycle, Decision decision, Instant at) {
        return new CycleDecision(UUID.randomUUID(), referralId, cycle, EligibilityOutcome.NEEDS_REVIEW,
                decision.reasons(), decision.policyId(), decision.policyVersion(), DecidedBy.RULES, null, null, at,
                null);
    }

    public boolean has(ReasonCode code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }

    /** A review that waits to confirm the end of treatment: every open reason would stop the course by itself. */
    public static boolean endsCourse(List<Decision.Reason> reasons) {
        return !reasons.isEmpty() && reasons.stream().allMatch(r -> r.code().hard());
    }
}
