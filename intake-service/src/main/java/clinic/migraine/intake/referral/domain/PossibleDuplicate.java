package clinic.migraine.intake.referral.domain;

import java.util.UUID;

import clinic.migraine.domain.Conflict;

/**
 * Two patients with the same date of birth and last name and nothing else in common, flagged when the newer one
 * ({@code patientId}) was created. Intake staff decide once: merge the newer into the older, or keep them apart.
 */
public record PossibleDuplicate(UUID patientId, UUID similarPatientId, Status status) {

    public enum Status { OPEN, MERGED, KEPT_APART }

    /** The newer patient's referrals move to the older, and the newer's id answers with the older from now on. */
    public record Merged(UUID mergedAway, UUID survivor) {
    }

    /** @throws Conflict when staff already decided */
    public Merged merge() {
        requireOpen();
        return new Merged(patientId, similarPatientId);
    }

    /** @throws Conflict when staff already decided */
    public PossibleDuplicate keepApart() {
        requireOpen();
        return new PossibleDuplicate(patientId, similarPatientId, Status.KEPT_APART);
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new Conflict("This possible duplicate was already resolved: " + status);
        }
    }
}
