/**
 * Patients' answers as plain Java: the triage of reported side effects (possible toxin spread is urgent), how a
 * patient feels, the SMS keywords, the handling of the clinic's alerts, and the ports the use cases need.
 */
package clinic.migraine.followup.checkin.domain;
