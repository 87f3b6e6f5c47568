/**
 * Appointments as plain Java: the {@link clinic.migraine.scheduling.booking.domain.Appointment} aggregate guards
 * every status change and returns the event it caused; {@link clinic.migraine.scheduling.booking.domain.CycleWindow}
 * holds the 84-day rule; {@link clinic.migraine.scheduling.booking.domain.Appointments} is the port that stores them.
 */
package clinic.migraine.scheduling.booking.domain;
