package clinic.migraine.intake.referral.domain;

import java.time.Instant;
import java.util.UUID;

/** A referral was accepted: what downstream services are told about it. */
public record ReferralReceived(UUID referralId, UUID patientId, Instant at, ReferralDraft draft) {
}
