/**
 * Payer policies as plain Java: what a policy demands, the applicant's facts, and the engine that decides a cycle
 * with every reason. The closed sets (reasons, contraindications, drug classes) are the domain's own enums, spelled
 * as in the event contracts so messaging maps them by name.
 */
package clinic.migraine.eligibility.policy.domain;
