package clinic.migraine.followup.checkin.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SMS gateway's request signature, as Twilio computes {@code X-Twilio-Signature}: HMAC-SHA1 with the account's
 * auth token over the full URL the gateway posted to followed by every form parameter, sorted by name, as name
 * then value; Base64. Compared in constant time. No library of the field fits (Twilio's SDK would bring its whole
 * client for one function), and the scheme is a few lines.
 */
final class GatewaySignature {

    private final byte[] token;

    GatewaySignature(String authToken) {
        this.token = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature of a request to {@code url} with these form parameters. */
    String sign(String url, Map<String, String[]> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(List.of(values));
            sorted.sort(null);
            sorted.forEach(value -> data.append(name).append(value));
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    /** True when {@code signature} is this request's, compared without revealing where it differs. */
    boolean matches(String signature, String url, Map<String, String[]> parameters) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(signature.trim().getBytes(StandardCharsets.UTF_8),
                sign(url, parameters).getBytes(StandardCharsets.UTF_8));
    }
}
