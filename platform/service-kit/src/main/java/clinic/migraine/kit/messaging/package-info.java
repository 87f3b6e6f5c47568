/**
 * Messaging defaults shared by the services: one batch binding per service with one transaction per poll
 * ({@link clinic.migraine.kit.messaging.EventBatches}), retries and dead letters for every consumer.
 */
package clinic.migraine.kit.messaging;
