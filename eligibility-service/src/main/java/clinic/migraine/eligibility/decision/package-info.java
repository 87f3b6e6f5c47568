/** Decisions per referral and cycle, the review queue and the facts they rest on, in layers below. */
package clinic.migraine.eligibility.decision;
