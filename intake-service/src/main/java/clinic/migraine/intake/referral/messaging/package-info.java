/** Kafka adapters: the downstream events that move a referral's status and timeline. */
package clinic.migraine.intake.referral.messaging;
