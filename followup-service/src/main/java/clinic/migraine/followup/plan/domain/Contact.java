package clinic.migraine.followup.plan.domain;

import java.util.Optional;
import java.util.UUID;

/** How to reach the patient of a referral, what they opted out of, and whether follow-up still goes on. */
public record Contact(UUID referralId, String email, String phone, String timeZone, Channel preferredChannel,
        boolean emailOptedOut, boolean smsOptedOut, boolean withdrawn, boolean courseEnded) {

    /** Why a message on this channel cannot reach the patient, if it cannot. */
    public Optional<String> unreachableBy(Channel channel) {
        if (channel == Channel.EMAIL && (emailOptedOut || email == null)) {
            return Optional.of(email == null ? "no email address" : "patient opted out of email");
        }
        if (channel == Channel.SMS && (smsOptedOut || phone == null)) {
            return Optional.of(phone == null ? "no phone number" : "patient opted out of SMS");
        }
        return Optional.empty();
    }

    /** Why nothing can be sent on this channel at all (no address), whatever the patient opted out of. */
    public Optional<String> noAddressFor(Channel channel) {
        if (channel == Channel.EMAIL && email == null) {
            return Optional.of("no email address");
        }
        if (channel == Channel.SMS && phone == null) {
            return Optional.of("no phone number");
        }
        return Optional.empty();
    }

    /** Whether the clinic still follows this patient up: not once the referral was withdrawn or the course ended. */
    public boolean followedUp() {
        return !withdrawn && !courseEnded;
    }
}
