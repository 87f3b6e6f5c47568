package clinic.migraine.followup.checkin.application;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import clinic.migraine.kit.links.LinkKeys;

/**
 * The tokens in patients' links: signed (HMAC-SHA256), expiring and good for one purpose only. A token carries
 * nothing but the purpose, the id of the message that carried the link and the expiry, so a link reveals nothing
 * about the patient, and everything else (referral, cycle) is looked up from that message. Binary and base64url,
 * 58 characters, so a link still fits in a text message: version 2 (1 byte), key id (1), purpose (1), message id
 * (16), expiry in epoch seconds (8), then the first 16 bytes of the HMAC over those 27 (128 bits, as RFC 2104
 * allows). Keys have ids: a new key signs new links while the older ones still verify the links already sent,
 * until they are removed. Tokens of version 1 (56 characters, no key id, sent before keys had ids) are verified
 * with key 1, the key of that time, for as long as key 1 is kept.
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

    /** Tampered, malformed, signed with an unknown key or meant for another purpose: nothing is revealed. */
    public record Invalid() implements Verdict {
    }

    /** The key that signed every token before keys had ids. */
    public static final int LEGACY_KEY_ID = 1;

    private static final byte VERSION = 2;
    private static final int BODY = 1 + 1 + 1 + 16 + 8;
    private static final byte LEGACY_VERSION = 1;
    private static final int LEGACY_BODY = 1 + 1 + 16 + 8;
    private static final int SIGNATURE = 16;
    private static final int MAX_TOKEN_CHARS = 100;

    private final LinkKeys keys;

    /** One key, id 1. */
    public LinkTokens(String secret) {
        this(LEGACY_KEY_ID, Map.of(LEGACY_KEY_ID, secret));
    }

    /**
     * @param currentKeyId the key that signs new links
     * @param secrets every key id still accepted (1 to 255) and its secret
     */
    public LinkTokens(int currentKeyId, Map<Integer, String> secrets) {
        this.keys = new LinkKeys(currentKeyId, secrets);
    }

    public String issue(Link link) {
        byte[] body = ByteBuffer.allocate(BODY).put(VERSION).put((byte) keys.currentKeyId()).put(link.purpose().code)
                .putLong(link.messageId().getMostSignificantBits()).putLong(link.messageId().getLeastSignificantBits())
                .putLong(link.expires().getEpochSecond()).array();
        byte[] token = Arrays.copyOf(body, BODY + SIGNATURE);
        System.arraycopy(keys.sign(body, SIGNATURE), 0, token, BODY, SIGNATURE);
        return LinkKeys.encode(token);
    }

    public Verdict check(String token, Purpose purpose, Instant now) {
        byte[] bytes = LinkKeys.decode(token, MAX_TOKEN_CHARS).orElse(null);
        if (bytes == null) {
            return new Invalid();
        }
        int body;
        int keyId;
        if (bytes.length == BODY + SIGNATURE && bytes[0] == VERSION) {
            body = BODY;
            keyId = Byte.toUnsignedInt(bytes[1]);
        } else if (bytes.length == LEGACY_BODY + SIGNATURE && bytes[0] == LEGACY_VERSION) {
            body = LEGACY_BODY;
            keyId = LEGACY_KEY_ID;
        } else {
            return new Invalid();
        }
        byte[] signed = Arrays.copyOf(bytes, body);
        if (!keys.verify(keyId, signed, Arrays.copyOfRange(bytes, body, body + SIGNATURE))) {
            return new Invalid();
        }
        ByteBuffer fields = ByteBuffer.wrap(signed, body - 1 - 16 - 8, 1 + 16 + 8);
        if (fields.get() != purpose.code) {
            return new Invalid();
        }
        Link link = new Link(purpose, new UUID(fields.getLong(), fields.getLong()), Instant.ofEpochSecond(fields.getLong()));
        return link.expires().isAfter(now) ? new Valid(link) : new Expired(link.expires());
    }
}
