package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where referral cases are kept. */
public interface ReferralCases {

    /** False when the referral was already known (a redelivery). */
    boolean open(UUID referralId, String policyId, Baseline baseline, Instant at);

    /** Whose referral it is and the injections it reported from elsewhere, for the decisions' events. */
    void recordPatient(UUID referralId, UUID patientId, List<LocalDate> treatedElsewhere);

    /** The referral's patient and injections elsewhere (none for referrals known before patients were). */
    Optional<PatientOfReferral> patientOf(UUID referralId);

    /** @param treatedElsewhere the days of the injections given elsewhere, oldest first */
    record PatientOfReferral(UUID patientId, List<LocalDate> treatedElsewhere) {
    }

    /** The case with its treated cycles, locked until the transaction ends. */
    Optional<ReferralCase> lock(UUID referralId);

    /** The baseline facts, for pages (no lock). */
    Optional<Baseline> baseline(UUID referralId);

    void recordTreatedCycle(UUID referralId, int cycle);

    /** Keeps the newest diary answer, whatever order answers arrive in. */
    void recordLatestHeadacheDays(UUID referralId, int days, Instant at);

    void markWithdrawn(UUID referralId);
}
