/**
 * Decisions as plain Java: a {@link clinic.migraine.eligibility.decision.domain.ReferralCase} decides each cycle by
 * its payer policy; a {@link clinic.migraine.eligibility.decision.domain.Review} holds a doubtful one for a
 * clinician, who records the prior authorization or decides. Both return the
 * {@link clinic.migraine.eligibility.decision.domain.CycleDecision} to store and publish.
 */
package clinic.migraine.eligibility.decision.domain;
