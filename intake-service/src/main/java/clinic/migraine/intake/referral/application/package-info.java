/**
 * Use cases of intake: submit and withdraw referrals (stored, published through {@link
 * clinic.migraine.intake.referral.application.ReferralEvents} and audited in one transaction), apply what the other
 * services report, and read referrals for the pages and the API.
 */
package clinic.migraine.intake.referral.application;
