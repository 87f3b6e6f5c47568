/**
 * intake-service: the application class; the referral feature lives in {@code referral}.
 */
package clinic.migraine.intake;
