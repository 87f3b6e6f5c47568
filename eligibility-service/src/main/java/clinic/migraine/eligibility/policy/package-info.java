/** Payer policies as data and the engine that judges a referral against them. Plain Java, no framework. */
package clinic.migraine.eligibility.policy;
