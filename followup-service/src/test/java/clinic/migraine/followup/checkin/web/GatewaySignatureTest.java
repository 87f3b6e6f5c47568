package clinic.migraine.followup.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The gateway's signature scheme against the example Twilio publishes, and what must not pass. */
class GatewaySignatureTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String[]> FORM = Map.of("CallSid", new String[] {"CA1234567890ABCDE"},
            "Caller", new String[] {"+12349013030"}, "Digits", new String[] {"1234"},
            "From", new String[] {"+12349013030"}, "To", new String[] {"+18005551212"});

    @Test
    void matchesTwiliosPublishedExample() {
        GatewaySignature signature = new GatewaySignature("12345");

        assertThat(signature.sign(URL, FORM)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(signature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", URL, FORM)).isTrue();
    }

    @Test
    void anotherKeyATamperedParameterAnotherUrlOrNoSignatureDoNotMatch() {
        GatewaySignature signature = new GatewaySignature("12345");
        Map<String, String[]> tampered = new HashMap<>(FORM);
        tampered.put("From", new String[] {"+13105550177"});

        assertThat(new GatewaySignature("54321").matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", URL, FORM)).isFalse();
        assertThat(signature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", URL, tampered)).isFalse();
        assertThat(signature.matches("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", URL.replace("foo=1", "foo=2"), FORM)).isFalse();
        assertThat(signature.matches(null, URL, FORM)).isFalse();
        assertThat(signature.matches("", URL, FORM)).isFalse();
    }
}
