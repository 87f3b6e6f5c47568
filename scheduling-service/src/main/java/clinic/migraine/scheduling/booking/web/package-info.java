/**
 * HTTP adapter of scheduling: the API schedulers use, the live feed and iCalendar files, the week board and
 * appointment pages, and who may use which.
 */
package clinic.migraine.scheduling.booking.web;
