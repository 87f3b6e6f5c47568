package clinic.migraine.intake.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where patients and the possible duplicates among them are kept. */
public interface Patients {

    /**
     * Holds, until the transaction ends, every other submission for the same date of birth and folded last name,
     * so two referrals of one new patient arriving together cannot both create them.
     */
    void lockIdentity(LocalDate dateOfBirth, FoldedName lastName);

    /** Patients with this date of birth and folded last name, oldest first, with the contacts of their referrals. */
    List<Patient> withNameAndBirth(LocalDate dateOfBirth, FoldedName lastName);

    void add(Patient patient, Instant at);

    /** Flags the pair for staff; the same pair again changes nothing. */
    void flagPossibleDuplicate(UUID newer, UUID older, Instant at);

    /** The patient, or the one they were merged into. */
    Optional<Patient> find(UUID id);

    /**
     * Corrects the patient's name, on the patient and on each of their referrals (the folded name, by which a new
     * referral is matched, follows); returns the patient's referrals.
     */
    List<UUID> rename(UUID patientId, String firstName, String lastName, FoldedName folded);

    /** The flag naming both patients (in either order), locked until the transaction ends. */
    Optional<PossibleDuplicate> lockDuplicate(UUID one, UUID other);

    void resolve(PossibleDuplicate duplicate, PossibleDuplicate.Status status, Instant at);

    /** Moves the referrals of the merged-away patient to the survivor, whose id the merged-away one answers with. */
    void merge(PossibleDuplicate.Merged merged);

    /** The other patients an open possible-duplicate flag names together with this one. */
    List<UUID> openDuplicates(UUID id);

    /** By name (part), date of birth (ISO) or member id; at most {@code limit}. */
    List<PatientSummary> search(String query, int limit);

    /** A search result: does the patient have an open possible-duplicate flag. */
    record PatientSummary(UUID id, String firstName, String lastName, LocalDate dateOfBirth,
            boolean openDuplicateFlag) {
    }
}
