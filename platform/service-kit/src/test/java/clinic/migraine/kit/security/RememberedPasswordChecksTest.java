package clinic.migraine.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordChecksTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final String stored = bcrypt.encode("right horse");
    private final MovingClock clock = new MovingClock();
    private final Hashed hashed = new Hashed();
    private final RememberedPasswordChecks checks = new RememberedPasswordChecks(hashed, clock);

    @Test
    void theRightPasswordIsHashedOnceThenRememberedForFiveMinutes() {
        for (int i = 0; i < 3; i++) {
            assertThat(checks.matches("right horse", stored)).isTrue();
        }
        assertThat(hashed.count).isEqualTo(1);

        clock.pass(RememberedPasswordChecks.KEEP.minusSeconds(1));
        assertThat(checks.matches("right horse", stored)).isTrue();
        assertThat(hashed.count).isEqualTo(1);

        clock.pass(Duration.ofSeconds(1));
        assertThat(checks.matches("right horse", stored)).isTrue();
        assertThat(hashed.count).as("checked against the hash again once the five minutes are over").isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsHashedEveryTimeAndNeverAccepted() {
        assertThat(checks.matches("right horse", stored)).isTrue();

        for (int i = 0; i < 3; i++) {
            assertThat(checks.matches("right hors", stored)).isFalse();
            assertThat(checks.matches("right horse ", stored)).isFalse();
        }
        assertThat(hashed.count).isEqualTo(7);
    }

    @Test
    void aRememberedMatchHoldsOnlyForTheStoredHashItWasCheckedAgainst() {
        assertThat(checks.matches("right horse", stored)).isTrue();
        String changed = bcrypt.encode("new battery");

        assertThat(checks.matches("right horse", changed)).as("the password was changed").isFalse();
        assertThat(checks.matches("new battery", changed)).isTrue();
        assertThat(hashed.count).isEqualTo(3);
    }

    /** The real bcrypt, counting the hashes it computes. */
    private final class Hashed implements PasswordEncoder {
        int count;

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            count++;
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }
}
