package clinic.migraine.intake.referral.domain;

import java.util.Optional;
import java.util.UUID;

/** Idempotency keys of submissions: the same key answers the first referral again. */
public interface IdempotencyKeys {

    /** Claims the key; false if it was taken (by an earlier or a concurrent request, which this one waits for). */
    boolean claim(String key, String requestHash, UUID referralId);

    Optional<Claim> find(String key);

    record Claim(String requestHash, UUID referralId) {
    }
}
