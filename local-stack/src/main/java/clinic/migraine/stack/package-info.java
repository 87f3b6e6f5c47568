/**
 * Launches the real components as processes (Kafka, schema registry, services) or in this JVM (Postgres,
 * mail): used by {@code ./run-local} and by tests that need the whole system.
 */
package clinic.migraine.stack;
