package clinic.migraine.kit.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How repeated failed sign-ins are slowed down and then locked, {@code clinic.security.sign-in.*}. Per account:
 * from {@code slow-after} failures in a row each further attempt waits {@code slow-delay}, doubling, and at
 * {@code account-failures} the account is locked for {@code lock-for}. Per client address the same, at
 * {@code address-failures}. Failures older than {@code window} are forgotten; a successful sign-in clears the
 * account's count (not the address's, so one good account cannot cover guessing at others). {@code slow-after: 0}
 * turns the slowing down off; {@code remembered} bounds how many accounts and addresses are tracked.
 */
@ConfigurationProperties("clinic.security.sign-in")
public record SignInThrottling(int accountFailures, int addressFailures, Duration lockFor, Duration window,
        Integer slowAfter, Duration slowDelay, int remembered) {

    public SignInThrottling {
        accountFailures = accountFailures <= 0 ? 5 : accountFailures;
        addressFailures = addressFailures <= 0 ? 50 : addressFailures;
        lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
        window = window == null ? Duration.ofMinutes(15) : window;
        slowAfter = slowAfter == null ? 3 : Math.max(0, slowAfter);
        slowDelay = slowDelay == null ? Duration.ofSeconds(1) : slowDelay;
        remembered = remembered <= 0 ? 10_000 : remembered;
    }
}
