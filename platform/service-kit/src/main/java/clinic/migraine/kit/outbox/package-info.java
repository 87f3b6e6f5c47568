/** The transactional outbox: events are stored with the state change and relayed to Kafka after commit. */
package clinic.migraine.kit.outbox;
