/**
 * Follow-up's use cases: plan messages and timers as events about a patient arrive, send what is due at most once,
 * ask about the next cycle, and show staff what was sent.
 */
package clinic.migraine.followup.plan.application;
