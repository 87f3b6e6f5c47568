package clinic.migraine.scheduling.booking.application;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import clinic.migraine.kit.links.LinkKeys;

/**
 * The token in a patient's own link to their visit: HMAC-SHA256 signed, naming nothing but the appointment and
 * the key that signed it, so the link reveals nothing about the patient. Binary and base64url, 46 characters so
 * it fits a text message: version (1 byte), key id (1), appointment id (16), then the first 16 bytes of the HMAC
 * over those 18. Keys have ids: a new key signs new links while the older ones still verify the links already
 * sent, until they are removed. A token is good while its visit is booked; the visit's state decides what it may
 * do, not an expiry.
 */
public final class VisitLinks {

    private static final byte VERSION = 1;
    private static final int BODY = 1 + 1 + 16;
    private static final int SIGNATURE = 16;
    private static final int MAX_TOKEN_CHARS = 100;

    private final LinkKeys keys;

    /**
     * @param currentKeyId the key that signs new links
     * @param secrets every key id still accepted (1 to 255) and its secret
     */
    public VisitLinks(int currentKeyId, Map<Integer, String> secrets) {
        this.keys = new LinkKeys(currentKeyId, secrets);
    }

    public String issue(UUID appointmentId) {
        byte[] body = ByteBuffer.allocate(BODY).put(VERSION).put((byte) keys.currentKeyId())
                .putLong(appointmentId.getMostSignificantBits()).putLong(appointmentId.getLeastSignificantBits())
                .array();
        byte[] token = Arrays.copyOf(body, BODY + SIGNATURE);
        System.arraycopy(keys.sign(body, SIGNATURE), 0, token, BODY, SIGNATURE);
        return LinkKeys.encode(token);
    }

    /** The appointment a genuine token names; empty for a tampered, malformed or unknown-key one. */
    public Optional<UUID> check(String token) {
        byte[] bytes = LinkKeys.decode(token, MAX_TOKEN_CHARS).orElse(null);
        if (bytes == null || bytes.length != BODY + SIGNATURE || bytes[0] != VERSION) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(bytes, BODY);
        if (!keys.verify(Byte.toUnsignedInt(bytes[1]), body, Arrays.copyOfRange(bytes, BODY, BODY + SIGNATURE))) {
            return Optional.empty();
        }
        ByteBuffer id = ByteBuffer.wrap(body, 2, 16);
        return Optional.of(new UUID(id.getLong(), id.getLong()));
    }
}
