/**
 * The patient's calendar entry for a visit, written once for every service that sends or serves it (follow-up's
 * mails, scheduling's {@code .ics} download): an iCalendar object (RFC 5545) with the iTIP method (RFC 5546) that
 * makes a calendar add, move or remove the one entry it keeps per appointment.
 */
package clinic.migraine.calendar;
