/** Appointments: automatic and manual booking, the 12-week cycle, scheduler actions and the live feed, in layers below. */
package clinic.migraine.scheduling.booking;
