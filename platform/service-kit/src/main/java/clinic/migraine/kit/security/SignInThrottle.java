package clinic.migraine.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account and per client address, in this instance's memory (a restart forgets them,
 * and each instance counts its own). An account or address that failed too often is refused for a while before
 * any password is checked: see {@link SignInThrottling}. A lock is reported once, to {@link Locks}.
 */
public class SignInThrottle {

    /** Told when an account or an address becomes locked. */
    public interface Locks {

        void accountLocked(String account, String address, int failures, Duration lockedFor);

        void addressLocked(String address, int failures, Duration lockedFor);
    }

    private static final class Failures {
        int count;
        Instant last = Instant.MIN;
        Instant lockedUntil = Instant.MIN;
    }

    private final SignInThrottling settings;
    private final Clock clock;
    private final Locks locks;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(SignInThrottling settings, Clock clock, Locks locks) {
        this.settings = settings;
        this.clock = clock;
        this.locks = locks;
    }

    /** How long this account (may be null) or this address must still wait; zero when it may try now. */
    public Duration waitFor(String account, String address) {
        Instant now = clock.instant();
        Duration byAccount = account == null ? Duration.ZERO : remaining(accounts.get(key(account)), now);
        Duration byAddress = address == null ? Duration.ZERO : remaining(addresses.get(address), now);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    /** A wrong password or an unknown account. */
    public void failed(String account, String address) {
        Instant now = clock.instant();
        if (account != null) {
            int count = fail(accounts, key(account), settings.accountFailures(), now);
            if (count >= settings.accountFailures()) {
                locks.accountLocked(account, address, count, settings.lockFor());
            }
        }
        if (address != null) {
            int count = fail(addresses, address, settings.addressFailures(), now);
            if (count >= settings.addressFailures()) {
                locks.addressLocked(address, count, settings.lockFor());
            }
        }
    }

    /** The account signed in: its count starts again (the address's does not). */
    public void succeeded(String account) {
        if (account != null) {
            accounts.remove(key(account));
        }
    }

    /** The number of failures in a row, or the limit when this one locked it (and the count starts again). */
    private int fail(Map<String, Failures> counts, String key, int limit, Instant now) {
        if (counts.size() >= settings.remembered() && !counts.containsKey(key)) {
            forgetOldest(counts, now);
        }
        Failures failures = counts.computeIfAbsent(key, k -> new Failures());
        synchronized (failures) {
            if (failures.last.plus(settings.window()).isBefore(now)) {
                failures.count = 0;
            }
            failures.count++;
            failures.last = now;
            if (failures.count >= limit) {
                failures.lockedUntil = now.plus(settings.lockFor());
                int count = failures.count;
                failures.count = 0;
                return count;
            }
            int beyond = failures.count - settings.slowAfter();
            if (settings.slowAfter() > 0 && beyond >= 0) {
                failures.lockedUntil = now.plus(settings.slowDelay().multipliedBy(1L << Math.min(beyond, 20)));
            }
            return failures.count;
        }
    }

    private void forgetOldest(Map<String, Failures> counts, Instant now) {
        counts.values().removeIf(f -> f.lockedUntil.isBefore(now) && f.last.plus(settings.window()).isBefore(now));
        if (counts.size() >= settings.remembered()) {
            counts.entrySet().stream()
                    .filter(e -> e.getValue().lockedUntil.isBefore(now))
                    .min(Comparator.comparing(e -> e.getValue().last))
                    .ifPresent(e -> counts.remove(e.getKey()));
        }
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null) {
            return Duration.ZERO;
        }
        Instant until;
        synchronized (failures) {
            until = failures.lockedUntil;
        }
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Account names are matched as typed by the look-up, but case must not buy an attacker five more tries. */
    private static String key(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }
}
