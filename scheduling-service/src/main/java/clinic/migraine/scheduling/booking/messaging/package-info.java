/**
 * Kafka adapter of scheduling, the only code that knows Avro: eligible referrals are booked and withdrawn ones
 * cancelled (each event applied once), and appointment events go out through the outbox.
 */
package clinic.migraine.scheduling.booking.messaging;
