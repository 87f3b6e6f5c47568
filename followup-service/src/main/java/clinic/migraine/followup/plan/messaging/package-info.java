/**
 * Kafka adapters of the plan, the only place that knows its Avro events: listeners that de-duplicate each event and
 * turn it into a use case call, and the outbox writer of PatientNotified and NextCycleDue.
 */
package clinic.migraine.followup.plan.messaging;
