package clinic.migraine.followup.plan.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An earlier slot scheduling offered to a waiting patient's visit; the first patient to take it through
 * {@code offerUrl} gets it.
 */
public record SlotOffer(UUID offerId, UUID appointmentId, UUID referralId, Instant start, Instant end,
        String provider, String location, String clinicZone, String offerUrl) {

    /** The message that tells the patient, now (the plan keeps it out of their quiet hours). */
    public PlannedMessage message(Instant now) {
        return new PlannedMessage(referralId, "offer:" + offerId + ":" + appointmentId, MessageKind.SLOT_OFFER,
                offerId.toString(), appointmentId, null, now);
    }
}
