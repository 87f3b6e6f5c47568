package clinic.migraine.kit.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 keys of patients' links, by id (1 to 255, one byte in the token): the current one signs new
 * links, every one kept still verifies the links already sent with it, until it is removed.
 */
public final class LinkKeys {

    private final int currentKeyId;
    private final Map<Integer, SecretKeySpec> keys;

    /**
     * @param currentKeyId the key that signs new links
     * @param secrets every key id still accepted (1 to 255) and its secret
     */
    public LinkKeys(int currentKeyId, Map<Integer, String> secrets) {
        if (!secrets.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no key " + currentKeyId + " among the link keys");
        }
        Map<Integer, SecretKeySpec> ring = new TreeMap<>();
        secrets.forEach((id, secret) -> {
            if (id < 1 || id > 255) {
                throw new IllegalArgumentException("link key ids run from 1 to 255, not " + id);
            }
            ring.put(id, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        });
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(ring);
    }

    /** The id new links name. */
    public int currentKeyId() {
        return currentKeyId;
    }

    /** The first {@code length} bytes of the HMAC of {@code body} with the current key. */
    public byte[] sign(byte[] body, int length) {
        return Arrays.copyOf(mac(keys.get(currentKeyId), body), length);
    }

    /**
     * Whether {@code signature} is the HMAC of {@code body} (cut to its length) with key {@code keyId}, compared in
     * constant time; false for a key not kept.
     */
    public boolean verify(int keyId, byte[] body, byte[] signature) {
        SecretKeySpec key = keys.get(keyId);
        return key != null && MessageDigest.isEqual(Arrays.copyOf(mac(key, body), signature.length), signature);
    }

    /**
     * The bytes of a token as written in a link (base64url, no padding); empty when it is missing, longer than
     * {@code maxChars}, not base64url, or not written the one way its bytes are written (a last character differing
     * only in the bits no byte uses would otherwise name the same token).
     */
    public static Optional<byte[]> decode(String token, int maxChars) {
        if (token == null || token.length() > maxChars) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return encode(bytes).equals(token) ? Optional.of(bytes) : Optional.empty();
    }

    /** A token's bytes as written in a link: base64url without padding. */
    public static String encode(byte[] token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private static byte[] mac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
