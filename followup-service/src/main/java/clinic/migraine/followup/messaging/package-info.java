/** Kafka adapters of follow-up. */
package clinic.migraine.followup.messaging;
