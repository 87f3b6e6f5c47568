/** Patients' answers after an injection (check-in, diary) reached by signed links, and opt-outs. */
package clinic.migraine.followup.checkin;
