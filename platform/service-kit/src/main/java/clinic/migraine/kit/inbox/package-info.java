/** Idempotent consumption: each consumer applies an event id at most once. */
package clinic.migraine.kit.inbox;
