/**
 * Use cases of booking: load appointments through the ports, let the aggregate decide, and in one transaction save
 * the result, hand its event to {@link clinic.migraine.scheduling.booking.application.AppointmentEvents} (the outbox),
 * write the audit entry and log the change for the live feed.
 */
package clinic.migraine.scheduling.booking.application;
