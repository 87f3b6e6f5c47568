package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where appointments are kept. The store has the last word on double booking: {@link #add} and {@link #save}
 * throw {@link SlotTaken} when the database refuses, and leave the caller's transaction usable.
 */
public interface Appointments {

    Optional<Appointment> find(UUID id);

    /** The appointment, locked until the transaction ends so two changes of it cannot interleave. */
    Optional<Appointment> lock(UUID id);

    /** The referral's appointments, by cycle and start. */
    List<Appointment> ofReferral(UUID referralId);

    /** Appointments starting in [from, to), for one provider and one status when given, by start. */
    List<Appointment> search(Instant from, Instant to, String providerId, AppointmentStatus status);

    /** Slots held (booked, arrived, treated) that overlap [from, to). */
    List<TakenSlot> taken(Instant from, Instant to);

    /**
     * The waitlist: the booked appointment of the same kind (first course or later cycle, not of the excluded
     * referral) starting last after the freed slot, that may move into it without breaking its 84-day interval;
     * locked, skipping one another transaction holds.
     */
    Optional<Appointment> latestToMoveInto(Instant freedStart, boolean firstCourse, UUID excludedReferral);

    /** @throws SlotTaken when the slot or the referral's cycle is already held */
    void add(Appointment appointment);

    /** Writes the appointment as it is now. @throws SlotTaken when a move lands on a held slot */
    void save(Appointment appointment);

    /** A held slot of a provider. */
    record TakenSlot(String providerId, Instant start, Instant end) {
    }
}
