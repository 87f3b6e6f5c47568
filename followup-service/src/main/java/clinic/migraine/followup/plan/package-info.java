/** What each patient is sent and when: confirmations, reminders, check-ins, diary requests, the next cycle. */
package clinic.migraine.followup.plan;
