/**
 * HTTP adapters of eligibility: policies, the review queue and what-if evaluations as JSON, the clinicians' review
 * pages, and who may reach which.
 */
package clinic.migraine.eligibility.decision.web;
