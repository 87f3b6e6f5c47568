/** HTTP adapter of scheduling: the API schedulers use, the live feed and iCalendar files. */
package clinic.migraine.scheduling.booking.web;
