/** Decisions per referral and cycle, the review queue and the facts they rest on. */
package clinic.migraine.eligibility.decision;
