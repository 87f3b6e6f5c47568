/** Postgres storage of closures. */
package clinic.migraine.scheduling.calendar.persistence;
