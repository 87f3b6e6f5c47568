package clinic.migraine.followup.checkin.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import clinic.migraine.followup.plan.application.PatientLinkUrls;
import clinic.migraine.followup.plan.domain.MessageKind;
import clinic.migraine.followup.plan.domain.Messages;

/**
 * Opens the token of a patient's link: checks it (signature, purpose, expiry) and finds what it was sent for
 * (the message that carried it, so the referral and the cycle). Issues the tokens for outgoing messages too.
 */
public class PatientLinks implements PatientLinkUrls {

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

    /**
     * @param publicBaseUrl where patients reach this service
     * @param linkValidity how long a check-in or diary link works after it was sent
     * @param unsubscribeLinkValidity how long the unsubscribe link in an email works
     */
    public record Settings(String publicBaseUrl, Duration linkValidity, Duration unsubscribeLinkValidity) {
    }

    private final LinkTokens tokens;
    private final Messages messages;
    private final Settings settings;
    private final Clock clock;

    public PatientLinks(LinkTokens tokens, Messages messages, Settings settings, Clock clock) {
        this.tokens = tokens;
        this.messages = messages;
        this.settings = settings;
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
        return messages.find(messageId)
                .filter(message -> fits(message.kind(), purpose))
                .map(message -> new Opened(State.VALID,
                        new Target(messageId, message.referralId(), message.cycle() == null ? 0 : message.cycle())))
                .orElse(new Opened(State.INVALID, null));
    }

    /** The full address of the link to send in a message. */
    public String url(LinkTokens.Purpose purpose, UUID messageId) {
        Instant expires = clock.instant().plus(purpose == LinkTokens.Purpose.UNSUBSCRIBE
                ? settings.unsubscribeLinkValidity() : settings.linkValidity());
        return settings.publicBaseUrl().replaceAll("/$", "") + path(purpose)
                + tokens.issue(new LinkTokens.Link(purpose, messageId, expires));
    }

    @Override
    public String checkIn(UUID messageId) {
        return url(LinkTokens.Purpose.CHECK_IN, messageId);
    }

    @Override
    public String diary(UUID messageId) {
        return url(LinkTokens.Purpose.DIARY, messageId);
    }

    @Override
    public String unsubscribe(UUID messageId) {
        return url(LinkTokens.Purpose.UNSUBSCRIBE, messageId);
    }

    private static String path(LinkTokens.Purpose purpose) {
        return switch (purpose) {
            case CHECK_IN -> "/checkins/";
            case DIARY -> "/diary/";
            case UNSUBSCRIBE -> "/unsubscribe/";
        };
    }

    private static boolean fits(MessageKind messageKind, LinkTokens.Purpose purpose) {
        return switch (purpose) {
            case CHECK_IN -> messageKind == MessageKind.CHECK_IN;
            case DIARY -> messageKind == MessageKind.DIARY_REQUEST;
            case UNSUBSCRIBE -> true;
        };
    }
}
