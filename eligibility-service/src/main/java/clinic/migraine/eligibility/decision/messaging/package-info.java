/** Kafka adapters of eligibility. */
package clinic.migraine.eligibility.decision.messaging;
