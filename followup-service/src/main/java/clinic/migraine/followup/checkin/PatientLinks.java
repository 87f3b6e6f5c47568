package clinic.migraine.followup.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import clinic.migraine.followup.FollowupProperties;
import clinic.migraine.followup.plan.FollowupStore;
import org.springframework.stereotype.Service;

/**
 * Opens the token of a patient's link: checks it (signature, purpose, expiry) and finds what it was sent for
 * (the message that carried it, so the referral and the cycle). Issues the tokens for outgoing messages too.
 */
@Service
public class PatientLinks {

    public enum State { VALID, EXPIRED, INVALID }

    /** What a valid link points at: the message that carried it, for this referral and treatment cycle. */
    public record Target(UUID messageId, UUID referralId, int cycle) {
    }

    /** {@code target} is set when the state is VALID. */
    public record Opened(State state, Target target) {

        public boolean valid() {
            return state == State.VALID;
        }
    }

    private final LinkTokens tokens;
    private final FollowupStore store;
    private final FollowupProperties properties;
    private final Clock clock;

    public PatientLinks(LinkTokens tokens, FollowupStore store, FollowupProperties properties, Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public Opened open(String token, LinkTokens.Purpose purpose) {
        LinkTokens.Verdict verdict = tokens.check(token, purpose, clock.instant());
        if (verdict instanceof LinkTokens.Expired) {
            return new Opened(State.EXPIRED, null);
        }
        if (!(verdict instanceof LinkTokens.Valid valid)) {
            return new Opened(State.INVALID, null);
        }
        UUID messageId = valid.link().messageId();
        return store.message(messageId)
                .filter(message -> fits(message.kind(), purpose))
                .map(message -> new Opened(State.VALID,
                        new Target(messageId, message.referralId(), message.cycle() == null ? 0 : message.cycle())))
                .orElse(new Opened(State.INVALID, null));
    }

    /** The full address of the link to send in a message. */
    public String url(LinkTokens.Purpose purpose, UUID messageId) {
        Instant expires = clock.instant().plus(purpose == LinkTokens.Purpose.UNSUBSCRIBE
                ? properties.unsubscribeLinkValidity() : properties.linkValidity());
        return properties.publicBaseUrl().replaceAll("/$", "") + path(purpose)
                + tokens.issue(new LinkTokens.Link(purpose, messageId, expires));
    }

    private static String path(LinkTokens.Purpose purpose) {
        return switch (purpose) {
            case CHECK_IN -> "/checkins/";
            case DIARY -> "/diary/";
            case UNSUBSCRIBE -> "/unsubscribe/";
        };
    }

    private static boolean fits(String messageKind, LinkTokens.Purpose purpose) {
        return switch (purpose) {
            case CHECK_IN -> "CHECK_IN".equals(messageKind);
            case DIARY -> "DIARY_REQUEST".equals(messageKind);
            case UNSUBSCRIBE -> true;
        };
    }
}
