package clinic.migraine.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs an inbound SMS webhook call as the gateway would (Twilio's {@code X-Twilio-Signature}), written apart from
 * the service's check so that a test is not the code checking itself.
 */
public final class SmsSignatures {

    /** The local profile's signing key (clinic.followup.sms.auth-token). */
    public static final String LOCAL_TOKEN = "local-sms-signing-key";

    private SmsSignatures() {
    }

    public static String sign(String token, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
