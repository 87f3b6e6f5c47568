/** Postgres storage of appointments and the change log behind the live feed. */
package clinic.migraine.scheduling.booking.persistence;
