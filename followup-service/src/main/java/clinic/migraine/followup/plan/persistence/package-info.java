/** The plan's tables in Postgres (contact, appointment, message) and its durable timers, behind the domain's ports. */
package clinic.migraine.followup.plan.persistence;
