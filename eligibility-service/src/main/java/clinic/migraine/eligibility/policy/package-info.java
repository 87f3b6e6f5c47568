/** Payer policies as data and the engine that judges a referral against them, in layers below. */
package clinic.migraine.eligibility.policy;
