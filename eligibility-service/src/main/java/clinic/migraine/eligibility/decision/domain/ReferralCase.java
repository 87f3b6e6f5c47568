package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import clinic.migraine.eligibility.policy.domain.Applicant;
import clinic.migraine.eligibility.policy.domain.Decision;
import clinic.migraine.eligibility.policy.domain.PolicyEngine;
import clinic.migraine.eligibility.policy.domain.Policies;

/**
 * What eligibility knows of a referral: its payer policy, baseline facts, the cycles treated so far and the
 * newest diary's headache days.
 */
public record ReferralCase(UUID referralId, String policyId, Baseline baseline, boolean withdrawn,
        Integer latestHeadacheDays, Instant latestHeadacheAt, int completedCycles) {

    /**
     * Decides a cycle by the case's payer policy (the label criteria and a clinician when the policy is unknown).
     * Asking for cycle n means n - 1 were treated, even when a treatment event has not arrived yet.
     */
    public CycleDecision decide(int cycle, Policies policies, LocalDate today, Instant now) {
        int completed = Math.max(completedCycles, cycle - 1);
        Applicant applicant = baseline.applicant(new Applicant.TreatmentHistory(completed,
                baseline.headacheDaysPerMonth() == null ? 0 : baseline.headacheDaysPerMonth(), latestHeadacheDays));
        Decision decision = PolicyEngine.decide(policies.find(policyId).orElse(null), policyId, applicant, cycle,
                today, policies.label());
        return CycleDecision.byRules(referralId, cycle, decision, now);
    }
}
