package clinic.migraine.scheduling.booking.domain;

import java.util.Optional;
import java.util.UUID;

/** Where offers of freed slots are kept. */
public interface SlotOffers {

    void add(SlotOffer offer);

    /** The offer, locked until the transaction ends: two patients taking it at once are served one by one. */
    Optional<SlotOffer> lock(UUID id);

    Optional<SlotOffer> find(UUID id);

    void markTaken(SlotOffer taken);
}
