package clinic.migraine.eligibility.decision.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where referral cases are kept. */
public interface ReferralCases {

    /** False when the referral was already known (a redelivery). */
    boolean open(UUID referralId, String policyId, Baseline baseline, Instant at);

    /** The case with its treated cycles, locked until the transaction ends. */
    Optional<ReferralCase> lock(UUID referralId);

    /** The baseline facts, for pages (no lock). */
    Optional<Baseline> baseline(UUID referralId);

    void recordTreatedCycle(UUID referralId, int cycle);

    /** Keeps the newest diary answer, whatever order answers arrive in. */
    void recordLatestHeadacheDays(UUID referralId, int days, Instant at);

    void markWithdrawn(UUID referralId);
}
