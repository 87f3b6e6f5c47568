package clinic.migraine.kit.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder, counting each password check ({@code clinic.security.password.checks}), against the stored
 * hash or a match remembered from one ({@link RememberedPasswordChecks}): how often sign-ins are attempted, and
 * what the throttle saves while an account or address is locked.
 */
final class CountedPasswordEncoder implements PasswordEncoder {

    static final String CHECKS = "clinic.security.password.checks";

    private final PasswordEncoder encoder;
    private final Counter checks;

    CountedPasswordEncoder(PasswordEncoder encoder, MeterRegistry registry) {
        this.encoder = encoder;
        this.checks = Counter.builder(CHECKS).description("Passwords checked against a stored hash")
                .register(registry);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.increment();
        return encoder.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }
}
