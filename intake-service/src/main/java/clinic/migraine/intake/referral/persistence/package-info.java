/** Postgres storage of referrals and of what other services reported about them. */
package clinic.migraine.intake.referral.persistence;
