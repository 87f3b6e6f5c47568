/** Referrals: what intake staff submit and follow, with the status derived from the other services' events, in layers below. */
package clinic.migraine.intake.referral;
