/** The audit trail: who did what to which referral, review or appointment, and when. */
package clinic.migraine.kit.audit;
