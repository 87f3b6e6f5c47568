/** Provider calendars, slot generation in the clinic's time zone, and closures, in layers below. */
package clinic.migraine.scheduling.calendar;
