package clinic.migraine.followup.checkin.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.followup.checkin.application.LinkTokens.Expired;
import clinic.migraine.followup.checkin.application.LinkTokens.Invalid;
import clinic.migraine.followup.checkin.application.LinkTokens.Link;
import clinic.migraine.followup.checkin.application.LinkTokens.Purpose;
import clinic.migraine.followup.checkin.application.LinkTokens.Valid;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(30));

    private static final String OLD_KEY = "the-key-of-before-of-at-least-32-characters";
    private static final String NEW_KEY = "the-key-of-now-of-at-least-32-characters!!";

    private final LinkTokens tokens = new LinkTokens("a-secret-of-at-least-thirty-two-characters");
    private final UUID message = UUID.randomUUID();

    @Test
    void anIntactTokenOpensItsLinkUntilItExpires() {
        String token = tokens.issue(new Link(Purpose.CHECK_IN, message, EXPIRES));

        assertThat(tokens.check(token, Purpose.CHECK_IN, NOW))
                .isEqualTo(new Valid(new Link(Purpose.CHECK_IN, message, EXPIRES)));
        assertThat(tokens.check(token, Purpose.CHECK_IN, EXPIRES.minusSeconds(1))).isInstanceOf(Valid.class);
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        String token = tokens.issue(new Link(Purpose.CHECK_IN, message, EXPIRES));

        assertThat(tokens.check(token, Purpose.CHECK_IN, EXPIRES)).isEqualTo(new Expired(EXPIRES));
        assertThat(tokens.check(token, Purpose.CHECK_IN, EXPIRES.plus(Duration.ofDays(1)))).isInstanceOf(Expired.class);
    }

    @Test
    void aTokenIsGoodForItsOwnPurposeOnly() {
        String checkIn = tokens.issue(new Link(Purpose.CHECK_IN, message, EXPIRES));
        String diary = tokens.issue(new Link(Purpose.DIARY, message, EXPIRES));
        String unsubscribe = tokens.issue(new Link(Purpose.UNSUBSCRIBE, message, EXPIRES));

        assertThat(tokens.check(checkIn, Purpose.UNSUBSCRIBE, NOW)).isInstanceOf(Invalid.class);
        assertThat(tokens.check(checkIn, Purpose.DIARY, NOW)).isInstanceOf(Invalid.class);
        assertThat(tokens.check(diary, Purpose.CHECK_IN, NOW)).isInstanceOf(Invalid.class);
        assertThat(tokens.check(unsubscribe, Purpose.CHECK_IN, NOW)).isInstanceOf(Invalid.class);
        assertThat(tokens.check(unsubscribe, Purpose.UNSUBSCRIBE, NOW)).isInstanceOf(Valid.class);
    }

    @Test
    void aTamperedTokenIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue(new Link(Purpose.CHECK_IN, message, EXPIRES)));
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);

            assertThat(tokens.check(tampered, Purpose.CHECK_IN, NOW)).as("byte %d changed", i).isInstanceOf(Invalid.class);
        }
    }

    /** The last of the 58 characters has bits no byte uses; a token written with other bits there is refused. */
    @Test
    void aTokenWrittenAnyOtherWayIsRefused() {
        String token = tokens.issue(new Link(Purpose.CHECK_IN, message, EXPIRES));
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int others = 0;
        for (char last : alphabet.toCharArray()) {
            String variant = token.substring(0, token.length() - 1) + last;
            if (!variant.equals(token) && java.util.Arrays.equals(Base64.getUrlDecoder().decode(variant), bytes)) {
                others++;
                assertThat(tokens.check(variant, Purpose.CHECK_IN, NOW)).as(variant).isInstanceOf(Invalid.class);
            }
        }
        assertThat(others).as("other ways of writing the same bytes (4 unused bits)").isEqualTo(15);
    }

    @Test
    void aLaterExpiryCannotBeWrittenIntoAToken() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue(new Link(Purpose.CHECK_IN, message, NOW.minusSeconds(1))));
        java.nio.ByteBuffer.wrap(bytes).putLong(19, EXPIRES.getEpochSecond());

        assertThat(tokens.check(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), Purpose.CHECK_IN, NOW))
                .isInstanceOf(Invalid.class);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String forged = new LinkTokens("another-secret-of-thirty-two-characters!!")
                .issue(new Link(Purpose.CHECK_IN, message, EXPIRES));

        assertThat(tokens.check(forged, Purpose.CHECK_IN, NOW)).isInstanceOf(Invalid.class);
    }

    @Test
    void malformedTokensAreRefused() {
        for (String token : new String[] {"", "not-a-token", "%%%", "a".repeat(56), "a".repeat(5000), null}) {
            assertThat(tokens.check(token, Purpose.CHECK_IN, NOW)).as(String.valueOf(token)).isInstanceOf(Invalid.class);
        }
    }

    @Test
    void aTokenIsShortAndUrlSafeAndCarriesOnlyTheMessageId() {
        String token = tokens.issue(new Link(Purpose.CHECK_IN, message, EXPIRES));

        assertThat(token).hasSize(58).matches("[A-Za-z0-9_-]+");
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        java.nio.ByteBuffer fields = java.nio.ByteBuffer.wrap(bytes, 3, 16);
        assertThat(new UUID(fields.getLong(), fields.getLong())).isEqualTo(message);
        assertThat(("https://clinic.example.org/unsubscribe/" + token).length()).as("fits a text message with words")
                .isLessThan(100);
    }

    @Test
    void aTokenNamesTheKeyThatSignedIt() {
        LinkTokens ring = new LinkTokens(7, Map.of(3, OLD_KEY, 7, NEW_KEY));

        byte[] bytes = Base64.getUrlDecoder().decode(ring.issue(new Link(Purpose.DIARY, message, EXPIRES)));

        assertThat(bytes[0]).as("version").isEqualTo((byte) 2);
        assertThat(bytes[1]).as("key id").isEqualTo((byte) 7);
    }

    @Test
    void aLinkSentBeforeTheKeyChangedStillOpensWhileItsKeyIsKept() {
        String sentBefore = new LinkTokens(1, Map.of(1, OLD_KEY)).issue(new Link(Purpose.CHECK_IN, message, EXPIRES));
        LinkTokens rotated = new LinkTokens(2, Map.of(1, OLD_KEY, 2, NEW_KEY));
        String sentAfter = rotated.issue(new Link(Purpose.CHECK_IN, message, EXPIRES));

        assertThat(rotated.check(sentBefore, Purpose.CHECK_IN, NOW)).isInstanceOf(Valid.class);
        assertThat(rotated.check(sentAfter, Purpose.CHECK_IN, NOW)).isInstanceOf(Valid.class);
        assertThat(new LinkTokens(1, Map.of(1, OLD_KEY)).check(sentAfter, Purpose.CHECK_IN, NOW))
                .as("the new key is not the old one").isInstanceOf(Invalid.class);
        assertThat(new LinkTokens(2, Map.of(2, NEW_KEY)).check(sentBefore, Purpose.CHECK_IN, NOW))
                .as("its key removed, the old link is dead").isInstanceOf(Invalid.class);
    }

    @Test
    void aTokenNamingAnotherKnownKeyThanTheOneThatSignedItIsRefused() {
        LinkTokens ring = new LinkTokens(2, Map.of(1, OLD_KEY, 2, NEW_KEY));
        byte[] bytes = Base64.getUrlDecoder().decode(ring.issue(new Link(Purpose.CHECK_IN, message, EXPIRES)));
        bytes[1] = 1;

        assertThat(ring.check(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), Purpose.CHECK_IN, NOW))
                .isInstanceOf(Invalid.class);
    }

    /** Links already in patients' inboxes when keys got ids (version 1, no key id) open with key 1. */
    @Test
    void aLinkFromBeforeKeyIdsOpensWithKeyOneOnly() throws Exception {
        String legacy = legacyToken(OLD_KEY, Purpose.UNSUBSCRIBE, message, EXPIRES);

        assertThat(legacy).hasSize(56);
        assertThat(new LinkTokens(2, Map.of(1, OLD_KEY, 2, NEW_KEY)).check(legacy, Purpose.UNSUBSCRIBE, NOW))
                .isEqualTo(new Valid(new Link(Purpose.UNSUBSCRIBE, message, EXPIRES)));
        assertThat(new LinkTokens(2, Map.of(1, OLD_KEY, 2, NEW_KEY)).check(legacy, Purpose.CHECK_IN, NOW))
                .isInstanceOf(Invalid.class);
        assertThat(new LinkTokens(2, Map.of(2, OLD_KEY)).check(legacy, Purpose.UNSUBSCRIBE, NOW))
                .as("only key 1 signed them").isInstanceOf(Invalid.class);
        assertThat(new LinkTokens(1, Map.of(1, NEW_KEY)).check(legacy, Purpose.UNSUBSCRIBE, NOW))
                .isInstanceOf(Invalid.class);
    }

    @Test
    void keyIdsRunFromOneTo255AndTheSigningKeyMustBeAmongThem() {
        assertThatThrownBy(() -> new LinkTokens(2, Map.of(1, OLD_KEY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkTokens(256, Map.of(256, OLD_KEY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkTokens(0, Map.of(0, OLD_KEY))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A token as they were made before keys had ids: version 1, purpose, message id, expiry, HMAC over those. */
    private static String legacyToken(String secret, Purpose purpose, UUID messageId, Instant expires)
            throws Exception {
        byte[] body = java.nio.ByteBuffer.allocate(26).put((byte) 1).put((byte) purpose.name().charAt(0))
                .putLong(messageId.getMostSignificantBits()).putLong(messageId.getLeastSignificantBits())
                .putLong(expires.getEpochSecond()).array();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        byte[] token = java.util.Arrays.copyOf(body, 42);
        System.arraycopy(mac.doFinal(body), 0, token, 26, 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
