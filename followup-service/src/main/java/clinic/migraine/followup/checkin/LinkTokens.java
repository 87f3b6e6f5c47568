package clinic.migraine.followup.checkin;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring, single-purpose link tokens (HMAC-SHA256). They carry only opaque ids, never patient data:
 * {@code purpose|messageId|referralId|cycle|expiresEpochSecond}, then the signature.
 */
public final class LinkTokens {

    public record Link(String purpose, UUID messageId, UUID referralId, int cycle, Instant expires) {
    }

    private final byte[] secret;

    public LinkTokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(Link link) {
        String payload = String.join("|", link.purpose(), link.messageId().toString(), link.referralId().toString(),
                String.valueOf(link.cycle()), String.valueOf(link.expires().getEpochSecond()));
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return base64(body) + "." + base64(sign(body));
    }

    /** The link, if the token is intact, for this purpose and not expired. */
    public Optional<Link> verify(String token, String purpose, Instant now) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 600) {
            return Optional.empty();
        }
        try {
            byte[] body = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sign(body), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|");
            Link link = new Link(parts[0], UUID.fromString(parts[1]), UUID.fromString(parts[2]), Integer.parseInt(parts[3]),
                    Instant.ofEpochSecond(Long.parseLong(parts[4])));
            if (!link.purpose().equals(purpose) || link.expires().isBefore(now)) {
                return Optional.empty();
            }
            return Optional.of(link);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
