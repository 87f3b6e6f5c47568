package clinic.migraine.followup.checkin.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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

    @Test
    void aLaterExpiryCannotBeWrittenIntoAToken() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue(new Link(Purpose.CHECK_IN, message, NOW.minusSeconds(1))));
        java.nio.ByteBuffer.wrap(bytes).putLong(18, EXPIRES.getEpochSecond());

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

        assertThat(token).hasSize(56).matches("[A-Za-z0-9_-]+");
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        java.nio.ByteBuffer fields = java.nio.ByteBuffer.wrap(bytes, 2, 16);
        assertThat(new UUID(fields.getLong(), fields.getLong())).isEqualTo(message);
    }
}
