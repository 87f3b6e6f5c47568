/**
 * Use cases of eligibility: open a case and decide its cycles by the rules, keep the facts later cycles are judged
 * on, and run the clinician review queue; each stores, publishes ({@link
 * clinic.migraine.eligibility.decision.application.DecisionEvents}) and audits in one transaction.
 */
package clinic.migraine.eligibility.decision.application;
