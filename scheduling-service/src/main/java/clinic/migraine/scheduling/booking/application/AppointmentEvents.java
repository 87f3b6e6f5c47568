package clinic.migraine.scheduling.booking.application;

import clinic.migraine.scheduling.booking.domain.AppointmentEvent;

/** Outbound port: publishes what happened to an appointment, in the caller's transaction (the outbox). */
public interface AppointmentEvents {

    void publish(AppointmentEvent event);
}
