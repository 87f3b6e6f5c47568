/**
 * Referrals as plain Java: the {@link clinic.migraine.intake.referral.domain.Referral} aggregate and its
 * withdrawal rule, the status derived from downstream facts ({@link
 * clinic.migraine.intake.referral.domain.ReferralFacts}), and the ports that store them. The closed sets are the
 * domain's own enums, spelled as in the event contracts so messaging maps them by name.
 */
package clinic.migraine.intake.referral.domain;
