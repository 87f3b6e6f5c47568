/** Real components for tests: the schema registry, Postgres and Kafka, never stand-ins. */
package clinic.migraine.testsupport;
