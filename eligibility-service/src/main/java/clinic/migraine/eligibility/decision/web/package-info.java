/** HTTP adapters of eligibility: policies, the review queue and what-if evaluations. */
package clinic.migraine.eligibility.decision.web;
