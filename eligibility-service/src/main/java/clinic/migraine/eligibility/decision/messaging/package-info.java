/**
 * Kafka adapter of eligibility, the only code that knows Avro: events in (each applied once) become use-case calls,
 * decisions go out through the outbox as {@code EligibilityDetermined}.
 */
package clinic.migraine.eligibility.decision.messaging;
