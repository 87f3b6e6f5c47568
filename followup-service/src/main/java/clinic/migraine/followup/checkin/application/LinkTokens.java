package clinic.migraine.followup.checkin.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens in patients' links: signed (HMAC-SHA256), expiring and good for one purpose only. A token carries
 * nothing but the purpose, the id of the message that carried the link and the expiry, so a link reveals nothing
 * about the patient, and everything else (referral, cycle) is looked up from that message. Binary and base64url,
 * 56 characters, so a link still fits in a text message: version (1 byte), purpose (1), message id (16), expiry
 * in epoch seconds (8), then the first 16 bytes of the HMAC over those 26 (128 bits, as RFC 2104 allows).
 */
public final class LinkTokens {

    /** What a link is for; a token for one purpose is refused for every other. */
    public enum Purpose {
        CHECK_IN('C'), DIARY('D'), UNSUBSCRIBE('U');

        private final byte code;

        Purpose(char code) {
            this.code = (byte) code;
        }
    }

    public record Link(Purpose purpose, UUID messageId, Instant expires) {
    }

    /** What a presented token turned out to be. */
    public sealed interface Verdict {
    }

    public record Valid(Link link) implements Verdict {
    }

    /** Intact and for this purpose, but too old: the page can say so. */
    public record Expired(Instant expired) implements Verdict {
    }

    /** Tampered, malformed, signed with another key or meant for another purpose: nothing is revealed. */
    public record Invalid() implements Verdict {
    }

    private static final byte VERSION = 1;
    private static final int BODY = 1 + 1 + 16 + 8;
    private static final int SIGNATURE = 16;
    private static final int MAX_TOKEN_CHARS = 100;

    private final SecretKeySpec key;

    public LinkTokens(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String issue(Link link) {
        ByteBuffer body = ByteBuffer.allocate(BODY).put(VERSION).put(link.purpose().code)
                .putLong(link.messageId().getMostSignificantBits()).putLong(link.messageId().getLeastSignificantBits())
                .putLong(link.expires().getEpochSecond());
        byte[] token = Arrays.copyOf(body.array(), BODY + SIGNATURE);
        System.arraycopy(sign(body.array()), 0, token, BODY, SIGNATURE);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    public Verdict check(String token, Purpose purpose, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return new Invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return new Invalid();
        }
        if (bytes.length != BODY + SIGNATURE) {
            return new Invalid();
        }
        byte[] body = Arrays.copyOf(bytes, BODY);
        byte[] signature = Arrays.copyOfRange(bytes, BODY, BODY + SIGNATURE);
        if (!MessageDigest.isEqual(Arrays.copyOf(sign(body), SIGNATURE), signature)) {
            return new Invalid();
        }
        ByteBuffer fields = ByteBuffer.wrap(body);
        if (fields.get() != VERSION || fields.get() != purpose.code) {
            return new Invalid();
        }
        Link link = new Link(purpose, new UUID(fields.getLong(), fields.getLong()), Instant.ofEpochSecond(fields.getLong()));
        return link.expires().isAfter(now) ? new Valid(link) : new Expired(link.expires());
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
