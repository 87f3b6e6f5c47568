package clinic.migraine.intake.referral.application;

import clinic.migraine.intake.referral.domain.Referral;
import clinic.migraine.intake.referral.domain.ReferralReceived;

/** Outbound port: tells the other services, in the caller's transaction (the outbox). */
public interface ReferralEvents {

    void received(ReferralReceived received);

    /** Returns the published event's id, which the timeline line takes so a redelivery cannot add it twice. */
    java.util.UUID withdrawn(Referral.Withdrawn withdrawn);

    /** The patient's corrected name, for each of their referrals: the other services show it. */
    void renamed(java.util.UUID referralId, java.util.UUID patientId, String firstName, String lastName,
            java.time.Instant at);
}
