/** Postgres storage of cases, decisions (the audit trail) and the review queue. */
package clinic.migraine.eligibility.decision.persistence;
