package clinic.migraine.kit.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LinkKeysTest {

    private static final String FIRST = "the-first-key-of-at-least-thirty-two-characters";
    private static final String SECOND = "the-second-key-of-at-least-thirty-two-characters";
    private static final byte[] BODY = "version, key id, what the link opens".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureOfTheCurrentKeyVerifiesUnderItsIdOnly() {
        LinkKeys keys = new LinkKeys(2, Map.of(1, FIRST, 2, SECOND));

        byte[] signature = keys.sign(BODY, 16);

        assertThat(signature).hasSize(16);
        assertThat(keys.currentKeyId()).isEqualTo(2);
        assertThat(keys.verify(2, BODY, signature)).isTrue();
        assertThat(keys.verify(1, BODY, signature)).isFalse();
        assertThat(keys.verify(3, BODY, signature)).as("a key not kept").isFalse();
    }

    @Test
    void aKeyKeptAfterRotationStillVerifiesWhatItSigned() {
        byte[] signedBefore = new LinkKeys(1, Map.of(1, FIRST)).sign(BODY, 16);

        assertThat(new LinkKeys(2, Map.of(1, FIRST, 2, SECOND)).verify(1, BODY, signedBefore)).isTrue();
        assertThat(new LinkKeys(2, Map.of(2, SECOND)).verify(1, BODY, signedBefore)).isFalse();
    }

    @Test
    void aChangedBodyOrSignatureDoesNotVerify() {
        LinkKeys keys = new LinkKeys(1, Map.of(1, FIRST));
        byte[] signature = keys.sign(BODY, 16);
        byte[] body = BODY.clone();
        body[0] ^= 1;
        byte[] changed = signature.clone();
        changed[15] ^= 1;

        assertThat(keys.verify(1, body, signature)).isFalse();
        assertThat(keys.verify(1, BODY, changed)).isFalse();
    }

    /** 43 bytes take 58 characters whose last carries 4 unused bits: only the one way of writing them is read. */
    @Test
    void aTokenIsReadOnlyAsItIsWritten() {
        byte[] token = new byte[43];
        token[42] = (byte) 0x80;
        String written = LinkKeys.encode(token);
        String sameBytesOtherwise = written.substring(0, 57) + (char) (written.charAt(57) + 1);

        assertThat(java.util.Base64.getUrlDecoder().decode(sameBytesOtherwise)).as("what a lenient decoder reads")
                .isEqualTo(token);
        assertThat(LinkKeys.decode(written, 100)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(token));
        assertThat(LinkKeys.decode(sameBytesOtherwise, 100)).isEmpty();
        assertThat(LinkKeys.decode(written, 57)).as("too long").isEmpty();
        assertThat(LinkKeys.decode("%%%", 100)).isEmpty();
        assertThat(LinkKeys.decode(null, 100)).isEmpty();
    }

    @Test
    void keyIdsRunFromOneTo255AndTheCurrentOneMustBeKept() {
        assertThatThrownBy(() -> new LinkKeys(2, Map.of(1, FIRST))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no key 2");
        assertThatThrownBy(() -> new LinkKeys(256, Map.of(256, FIRST))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkKeys(0, Map.of(0, FIRST))).isInstanceOf(IllegalArgumentException.class);
    }
}
