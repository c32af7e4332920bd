package org.supportdesk.adapter.http.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Limits failed sign-ins (§12, §16 "Rate limits you can see"): by default 5 failures per account (tenant and email) and
 * 20 per client address in any 15 minutes. It is checked before the password is, so a locked-out guesser costs no key
 * derivation. The counts live in this process's memory: right for a single instance; several instances behind a load
 * balancer each count on their own (multiplying the limits by their number) until the counts move to a shared store.
 */
public final class LoginThrottle {
    /** At most {@code limit} failures in any {@code window}. */
    public record Policy(int limit, Duration window) {
        public Policy {
            if (limit < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a policy allows at least one failure in a positive window");
            }
        }
    }

    /** Where a request stands: whether it may try, and what the rate-limit headers say. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

    private static final int SWEEP_EVERY = 1_000;

    private final Policy perAccount;
    private final Policy perAddress;
    private final InstantSource clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private int untilSweep = SWEEP_EVERY;

    public LoginThrottle(Policy perAccount, Policy perAddress, InstantSource clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** Five failures per account and twenty per address in fifteen minutes. */
    public static LoginThrottle withDefaults(InstantSource clock) {
        return new LoginThrottle(new Policy(5, Duration.ofMinutes(15)), new Policy(20, Duration.ofMinutes(15)), clock);
    }

    /** Whether this account may try from this address now; the tighter of the two limits speaks for both. */
    public synchronized Decision check(String tenant, String email, String address) {
        Instant now = clock.instant();
        Decision account = decide(accountKey(tenant, email), perAccount, now);
        Decision client = decide(addressKey(address), perAddress, now);
        if (!account.allowed() || !client.allowed()) {
            return !account.allowed() && (client.allowed() || account.resetSeconds() >= client.resetSeconds())
                    ? account
                    : client;
        }
        return account.remaining() <= client.remaining() ? account : client;
    }

    /** Counts a failed sign-in against the account and the address. */
    public synchronized void failed(String tenant, String email, String address) {
        Instant now = clock.instant();
        failures.computeIfAbsent(accountKey(tenant, email), k -> new ArrayDeque<>())
                .addLast(now);
        failures.computeIfAbsent(addressKey(address), k -> new ArrayDeque<>()).addLast(now);
        if (--untilSweep <= 0) {
            sweep(now);
        }
    }

    /** A successful sign-in clears the account's failures; the address keeps its count. */
    public synchronized void succeeded(String tenant, String email) {
        failures.remove(accountKey(tenant, email));
    }

    private Decision decide(String key, Policy policy, Instant now) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return new Decision(true, policy.limit(), policy.limit(), 0);
        }
        Instant since = now.minus(policy.window());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(key);
            return new Decision(true, policy.limit(), policy.limit(), 0);
        }
        int remaining = Math.max(0, policy.limit() - recent.size());
        // The quota grows back when the oldest failure in the window leaves it.
        long reset = Math.max(
                1,
                Duration.between(now, recent.peekFirst().plus(policy.window())).toSeconds());
        return new Decision(remaining > 0, policy.limit(), remaining, reset);
    }

    /** Forgets keys whose failures all left their window, so memory follows recent failures only. */
    private void sweep(Instant now) {
        untilSweep = SWEEP_EVERY;
        Duration longest =
                perAccount.window().compareTo(perAddress.window()) >= 0 ? perAccount.window() : perAddress.window();
        Instant since = now.minus(longest);
        failures.values()
                .removeIf(recent -> recent.isEmpty() || !recent.peekLast().isAfter(since));
    }

    private static String accountKey(String tenant, String email) {
        return "account\n" + tenant.strip().toLowerCase(Locale.ROOT) + "\n"
                + email.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address\n" + address;
    }
}
