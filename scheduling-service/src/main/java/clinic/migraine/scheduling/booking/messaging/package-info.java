/** Kafka adapters of scheduling: eligible referrals are booked, withdrawn ones cancelled. */
package clinic.migraine.scheduling.booking.messaging;
