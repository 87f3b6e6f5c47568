/**
 * Check-in use cases: open a patient's signed link, record an answer once and raise the alarm on urgent side
 * effects, opt-outs by link and by SMS keyword, and the clinicians' handling of alerts.
 */
package clinic.migraine.followup.checkin.application;
