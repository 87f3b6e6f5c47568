package clinic.migraine.intake.referral.domain;

import java.util.List;
import java.util.UUID;

/**
 * Who a new referral is about. The same patient when date of birth and folded last name are equal AND at least one
 * payer member id, email or phone is equal; a new patient otherwise. A new patient whose date of birth and last name
 * equal someone's but nothing else does may be that person: {@code possibleDuplicatesOf} names them for staff.
 */
public record PatientMatch(UUID existingPatientId, List<UUID> possibleDuplicatesOf) {

    public boolean isNew() {
        return existingPatientId == null;
    }

    /** {@code known}: patients oldest first; the oldest that matches wins. */
    public static PatientMatch of(List<Patient> known, ReferralDraft draft) {
        ReferralDraft.PatientDetails p = draft.patient();
        List<Patient> sameNameAndBirth = known.stream()
                .filter(k -> k.sameNameAndBirth(p.lastName(), p.dateOfBirth())).toList();
        for (Patient candidate : sameNameAndBirth) {
            if (candidate.sharesContact(draft.payer().memberId(), p.email(), p.phone())) {
                return new PatientMatch(candidate.id(), List.of());
            }
        }
        return new PatientMatch(null, sameNameAndBirth.stream().map(Patient::id).toList());
    }
}
