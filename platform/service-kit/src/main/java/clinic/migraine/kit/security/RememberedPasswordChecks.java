package clinic.migraine.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a few minutes that a password matched its stored hash, so a client that signs in on every request
 * (HTTP Basic: the load tests, integrations) pays the deliberately slow hash once, not on each request. Only
 * matches are kept, and only as a keyed hash (HMAC-SHA-256 under a random key made at start and held in memory) of
 * the stored hash and the password, never the password itself. A wrong password is always checked against the
 * stored hash; a changed password (another stored hash) is never a remembered match. The throttle in front still
 * refuses a locked account or address before any check.
 */
final class RememberedPasswordChecks implements PasswordEncoder {

    static final Duration KEEP = Duration.ofMinutes(5);
    /** Matches kept at most; all are forgotten when more would be (a few per account in practice). */
    static final int MAX_REMEMBERED = 1_000;

    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> matchedUntil = new ConcurrentHashMap<>();

    RememberedPasswordChecks(PasswordEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return encoder.matches(rawPassword, encodedPassword);
        }
        String remembered = fingerprint(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = matchedUntil.get(remembered);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean matches = encoder.matches(rawPassword, encodedPassword);
        if (matches) {
            if (matchedUntil.size() >= MAX_REMEMBERED) {
                matchedUntil.clear();
            }
            matchedUntil.put(remembered, now.plus(KEEP));
        } else {
            matchedUntil.remove(remembered);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            // a stored hash never holds a NUL: the two parts cannot be shifted into each other
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
