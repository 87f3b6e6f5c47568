/** Postgres storage of appointments, closures and the change feed. */
package clinic.migraine.scheduling.booking.persistence;
