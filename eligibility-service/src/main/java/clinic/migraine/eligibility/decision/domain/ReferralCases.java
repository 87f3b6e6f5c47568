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

    /**
     * The case with the patient's treatments, this referral's diary reports and the prior authorization on file,
     * locked until the transaction ends.
     */
    Optional<ReferralCase> lock(UUID referralId);

    /** The baseline facts, for pages (no lock). */
    Optional<Baseline> baseline(UUID referralId);

    /** @param day the clinic-local day of the treatment; null from writers before it was sent */
    void recordTreatedCycle(UUID referralId, int cycle, LocalDate day);

    /** Keeps every diary answer by the cycle it followed, whatever order answers arrive in. */
    void recordDiaryReport(UUID referralId, int cycle, int headacheDays, Instant at);

    void markWithdrawn(UUID referralId);
}
