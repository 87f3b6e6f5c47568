package clinic.migraine.scheduling.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** One page of {@link #search}: {@code limit} of them after the first {@code skip}, by start, provider and id. */
    List<Appointment> search(Instant from, Instant to, String providerId, AppointmentStatus status, long skip,
            int limit);

    /** Slots held (booked, arrived, treated) that start in [from, to): a free slot is one no held visit starts at. */
    List<TakenSlot> taken(Instant from, Instant to);

    /**
     * The waitlist: the booked appointment of the same kind (first course or later cycle, not of the excluded
     * referral) starting last after the freed slot, that may move into it without breaking its 84-day interval;
     * locked, skipping one another transaction holds.
     */
    /**
     * The booked visits (latest first, up to {@code limit}) that could move into a slot freed at {@code freedStart}:
     * later, of the same kind of course, allowed by their cycle's window and the patient's 84 days.
     */
    List<Appointment> waitingToMoveInto(Instant freedStart, boolean firstCourse, UUID excludedReferral, int limit);

    /**
     * @throws SlotTaken when the slot or the referral's cycle is already held
     * @throws TooEarly when the patient holds or had another visit, or an injection elsewhere, less than 84 days
     *         from its day (the database's constraint per patient)
     */
    void add(Appointment appointment);

    /**
     * Writes the appointment as it is now.
     *
     * @throws SlotTaken when a move lands on a held slot
     * @throws TooEarly when a move lands less than 84 days from another treatment of the patient
     */
    void save(Appointment appointment);

    /** Keeps the dose record of a treated visit. */
    void recordTreatment(UUID appointmentId, Treatment treatment);

    /** The dose record of a treated visit (none for visits treated before records were kept in full). */
    Optional<Treatment> treatmentOf(UUID appointmentId);

    /** Remembers whose referral it is (the first answer stands: a referral never changes patient). */
    void assignPatient(UUID referralId, UUID patientId);

    /** Remembers injections the patient was given elsewhere; each one counts for the 84 days. */
    void recordOutsideTreatments(UUID patientId, List<LocalDate> days);

    /**
     * The days the referral's patient was treated other than in this referral: the treated visits of their other
     * referrals and the injections given elsewhere. Empty when the patient is unknown.
     */
    List<LocalDate> otherTreatmentDays(UUID referralId);

    /** Remembers the last day the payer's prior authorization covers for a cycle (the newest decision stands). */
    void authorizeCycle(UUID referralId, int cycle, LocalDate until);

    /** The last day the payer's authorization covers the cycle; empty when the payer needs none. */
    Optional<LocalDate> authorizedUntil(UUID referralId, int cycle);

    /** Keeps the patient's confirmation of the visit at the given start (the newest one stands). */
    void confirm(UUID appointmentId, Instant start, Instant at);

    /** Those of the given visits the patient confirmed at the time they now start. */
    Set<UUID> confirmed(Collection<Appointment> visits);

    /** A held slot of a provider. */
    record TakenSlot(String providerId, Instant start, Instant end) {
    }
}
