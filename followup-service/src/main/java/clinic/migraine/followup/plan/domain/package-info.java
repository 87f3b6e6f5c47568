/**
 * The message plan as plain Java: which confirmations, reminders, check-ins and diary requests are due when, quiet
 * hours, whether a due message may still go out, and the cycle rule; the ports the use cases load and save through.
 */
package clinic.migraine.followup.plan.domain;
