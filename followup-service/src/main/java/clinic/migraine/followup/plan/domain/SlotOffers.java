package clinic.migraine.followup.plan.domain;

import java.util.Optional;
import java.util.UUID;

/** The offers of earlier slots follow-up was asked to tell patients about. */
public interface SlotOffers {

    /** False when it was known already (a redelivery). */
    boolean add(SlotOffer offer);

    Optional<SlotOffer> find(UUID offerId, UUID appointmentId);
}
