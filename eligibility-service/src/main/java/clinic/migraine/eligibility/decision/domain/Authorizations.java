package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.eligibility.policy.domain.Authorization;

/**
 * Where the payer's prior authorizations are kept: per patient and payer policy (per referral when the patient is
 * not known). The treatments an authorization has covered are counted from the treatments recorded.
 */
public interface Authorizations {

    void add(Recorded recorded);

    /** The patient's treatments under the referral's payer policy between two days (both included). */
    int treatmentsUsed(UUID referralId, LocalDate from, LocalDate until);

    /** The newest authorization for the referral's patient and payer policy, with the treatments it covered. */
    Optional<Recorded> onFile(UUID referralId);

    /**
     * The renewal worklist: each patient's newest authorization per payer that ends on or before {@code endsBy}, or
     * has at most {@code treatmentsLeft} treatments left, for referrals not withdrawn; soonest end first.
     */
    List<Recorded> expiring(LocalDate endsBy, int treatmentsLeft, int limit);

    /** One authorization as recorded, with the treatments counted so far. */
    record Recorded(UUID id, UUID referralId, UUID patientId, String policyId, Authorization authorization,
            String recordedBy, Instant recordedAt) {
    }
}
