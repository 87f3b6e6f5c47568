/** Use cases of the calendar: closing and reopening days. */
package clinic.migraine.scheduling.calendar.application;
