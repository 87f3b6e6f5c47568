package clinic.migraine.scheduling.booking.application;

import clinic.migraine.scheduling.booking.domain.Appointment;
import clinic.migraine.scheduling.booking.domain.SlotOffer;

/** Tells a waiting patient (through follow-up) that an earlier slot is free, in the caller's transaction. */
public interface OfferEvents {

    void offered(SlotOffer offer, Appointment to);
}
