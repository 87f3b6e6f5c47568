/** Provider calendars and slot generation, in the clinic's time zone. Plain Java. */
package clinic.migraine.scheduling.calendar;
