package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The schedulers' rebooking worklist. */
public interface RebookingList {

    /** Puts the cycle on the list, once (a cycle already on it stays with its first reason). */
    void open(UUID referralId, int cycle, Rebooking.Reason reason, UUID appointmentId, Instant at);

    /** Takes the cycle off the list: it has a visit again. */
    void resolve(UUID referralId, int cycle, Instant at);

    /** What is still to be booked, oldest first. */
    List<Rebooking> open();

    /** The entry while it is still open. */
    Optional<Rebooking> find(long id);
}
