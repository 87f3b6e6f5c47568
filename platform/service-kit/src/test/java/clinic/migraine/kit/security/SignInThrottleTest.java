package clinic.migraine.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final String HOME = "10.0.0.7";

    private final MovingClock clock = new MovingClock();
    private final List<String> locks = new ArrayList<>();
    private final SignInThrottle throttle = throttle(new SignInThrottling(5, 12, Duration.ofMinutes(15),
            Duration.ofMinutes(15), 3, Duration.ofSeconds(1), 100));

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutesAndSayItOnce() {
        failTimes("admin", HOME, 4);
        assertThat(locks).isEmpty();

        throttle.failed("admin", HOME);

        assertThat(throttle.waitFor("admin", "10.9.9.9")).isEqualTo(Duration.ofMinutes(15));
        assertThat(locks).containsExactly("account admin from " + HOME + " after 5 for PT15M");
        clock.pass(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("admin", "10.9.9.9")).isZero();
    }

    @Test
    void fromTheThirdFailureInARowEachAttemptWaitsASecondDoubling() {
        failTimes("admin", HOME, 2);
        assertThat(throttle.waitFor("admin", HOME)).isZero();

        throttle.failed("admin", HOME);
        assertThat(throttle.waitFor("admin", HOME)).isEqualTo(Duration.ofSeconds(1));

        clock.pass(Duration.ofSeconds(1));
        throttle.failed("admin", HOME);
        assertThat(throttle.waitFor("admin", HOME)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("clinician", "10.9.9.9")).as("other accounts and addresses").isZero();
    }

    @Test
    void aSuccessClearsTheAccountsCountButNotTheAddresss() {
        failTimes("admin", HOME, 4);

        throttle.succeeded("admin");
        failTimes("admin", HOME, 4);

        assertThat(throttle.waitFor("admin", "10.9.9.9")).isEqualTo(Duration.ofSeconds(2));
        assertThat(locks).isEmpty();
        failTimes("admin", HOME, 4);
        assertThat(locks).containsExactly("account admin from " + HOME + " after 5 for PT15M",
                "address " + HOME + " after 12 for PT15M");
    }

    @Test
    void anAddressTryingManyAccountsIsLockedForAllOfThem() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("guess" + i, HOME);
        }

        assertThat(throttle.waitFor("admin", HOME)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("admin", "10.9.9.9")).isZero();
        assertThat(locks).containsExactly("address " + HOME + " after 12 for PT15M");
    }

    @Test
    void failuresFurtherApartThanTheWindowStartTheCountAgain() {
        failTimes("admin", HOME, 2);
        clock.pass(Duration.ofMinutes(16));

        failTimes("admin", HOME, 2);

        assertThat(throttle.waitFor("admin", HOME)).isZero();
    }

    @Test
    void theAccountNameIsCountedWhateverItsCase() {
        throttle.failed("Admin", HOME);
        throttle.failed("ADMIN ", HOME);
        throttle.failed("admin", HOME);

        assertThat(throttle.waitFor("aDmin", "10.9.9.9")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void manyUnknownNamesAreForgottenOldestFirstAndNeverALockedOne() {
        failTimes("admin", HOME, 5);
        for (int i = 0; i < 300; i++) {
            clock.pass(Duration.ofMillis(1));
            throttle.failed("guess" + i, "10.1." + (i / 250) + "." + (i % 250));
        }

        assertThat(throttle.waitFor("admin", "10.9.9.9")).isEqualTo(Duration.ofMinutes(15).minusMillis(300));
    }

    @Test
    void slowingDownCanBeTurnedOff() {
        SignInThrottle noDelay = throttle(new SignInThrottling(5, 50, null, null, 0, null, 0));

        for (int i = 0; i < 4; i++) {
            noDelay.failed("admin", HOME);
        }

        assertThat(noDelay.waitFor("admin", HOME)).isZero();
        noDelay.failed("admin", HOME);
        assertThat(noDelay.waitFor("admin", HOME)).isEqualTo(Duration.ofMinutes(15));
    }

    private void failTimes(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }

    private SignInThrottle throttle(SignInThrottling settings) {
        return new SignInThrottle(settings, clock, new SignInThrottle.Locks() {
            @Override
            public void accountLocked(String account, String address, int failures, Duration lockedFor) {
                locks.add("account " + account + " from " + address + " after " + failures + " for " + lockedFor);
            }

            @Override
            public void addressLocked(String address, int failures, Duration lockedFor) {
                locks.add("address " + address + " after " + failures + " for " + lockedFor);
            }
        });
    }
}
