/** Messaging defaults shared by the services: retries and dead letters for every consumer. */
package clinic.migraine.kit.messaging;
