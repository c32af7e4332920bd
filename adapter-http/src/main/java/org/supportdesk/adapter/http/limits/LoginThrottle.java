package org.supportdesk.adapter.http.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Email;

/**
 * Limits sign-in attempts (§12): by default 5 failures per account (tenant and email) and 20 per client address in any
 * 15 minutes.
 *
 * <ul>
 *   <li>An attempt is reserved, counted before the password is checked, so parallel guesses cannot all pass the check
 *       before any is counted; a successful or unrun attempt is refunded.
 *   <li>The account is keyed exactly as sign-in looks it up (the tenant slug as given, the email as {@link Email#of}
 *       normalises it), so no spelling of an address is a fresh account.
 *   <li>An account locked by someone else's guesses still admits its owner from an address that signed in to it
 *       successfully before: a guesser can slow an account down, not lock its owner out.
 * </ul>
 *
 * The counts live in this process's memory: right for a single instance; several instances behind a balancer each
 * count on their own (multiplying the limits by their number).
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

    /** A sign-in attempt counted in advance; {@link #quota} is what the rate-limit headers show. */
    public record Attempt(boolean allowed, Quota quota, String accountKey, String addressKey, Instant at) {}

    private static final int SWEEP_EVERY = 1_000;
    private static final int KNOWN_ADDRESSES_PER_ACCOUNT = 8;
    private static final int MAX_ACCOUNTS_REMEMBERED = 100_000;

    private final Policy perAccount;
    private final Policy perAddress;
    private final InstantSource clock;
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();
    private final Map<String, Set<String>> knownAddresses = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > MAX_ACCOUNTS_REMEMBERED;
        }
    };
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

    /**
     * Counts an attempt at this account from this address, if both limits allow one; the tighter of the two quotas
     * speaks for both.
     */
    public synchronized Attempt reserve(String tenant, String email, String address) {
        Instant now = clock.instant();
        String account = accountKey(tenant, email);
        String client = "address\n" + address;
        boolean ownerAddress = knownAddresses.getOrDefault(account, Set.of()).contains(address);
        Quota accountQuota = quota(account, perAccount, now);
        Quota addressQuota = quota(client, perAddress, now);
        boolean allowed = addressQuota.remaining() > 0 && (ownerAddress || accountQuota.remaining() > 0);
        if (!allowed) {
            Quota refusing = addressQuota.remaining() == 0 ? addressQuota : accountQuota;
            return new Attempt(false, refusing, account, client, now);
        }
        attempts.computeIfAbsent(account, k -> new ArrayDeque<>()).addLast(now);
        attempts.computeIfAbsent(client, k -> new ArrayDeque<>()).addLast(now);
        if (--untilSweep <= 0) {
            sweep(now);
        }
        Quota addressAfter = quota(client, perAddress, now);
        Quota shown =
                ownerAddress ? addressAfter : quota(account, perAccount, now).tighter(addressAfter);
        return new Attempt(true, shown, account, client, now);
    }

    /** The attempt signed in: it costs neither limit, the account's failures are forgiven, and the address is known. */
    public synchronized void succeeded(Attempt attempt, String address) {
        refund(attempt);
        attempts.remove(attempt.accountKey());
        Set<String> known = knownAddresses.computeIfAbsent(attempt.accountKey(), k -> new LinkedHashSet<>());
        known.remove(address);
        known.add(address);
        if (known.size() > KNOWN_ADDRESSES_PER_ACCOUNT) {
            known.remove(known.iterator().next());
        }
    }

    /** The attempt never checked a password (the server was too busy), so it counts against nothing. */
    public synchronized void refund(Attempt attempt) {
        for (String key : new String[] {attempt.accountKey(), attempt.addressKey()}) {
            Deque<Instant> recent = attempts.get(key);
            if (recent != null) {
                recent.removeLastOccurrence(attempt.at());
            }
        }
    }

    private Quota quota(String key, Policy policy, Instant now) {
        Deque<Instant> recent = attempts.get(key);
        if (recent != null) {
            Instant since = now.minus(policy.window());
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
                recent.removeFirst();
            }
        }
        if (recent == null || recent.isEmpty()) {
            attempts.remove(key);
            return new Quota(policy.limit(), policy.limit(), 0);
        }
        // The quota grows back when the oldest attempt in the window leaves it.
        long reset = Math.max(
                1,
                Duration.between(now, recent.peekFirst().plus(policy.window())).toSeconds());
        return new Quota(policy.limit(), Math.max(0, policy.limit() - recent.size()), reset);
    }

    /** Forgets keys whose attempts all left their window, so memory follows recent attempts only. */
    private void sweep(Instant now) {
        untilSweep = SWEEP_EVERY;
        Duration longest =
                perAccount.window().compareTo(perAddress.window()) >= 0 ? perAccount.window() : perAddress.window();
        Instant since = now.minus(longest);
        attempts.values()
                .removeIf(recent -> recent.isEmpty() || !recent.peekLast().isAfter(since));
    }

    private static String accountKey(String tenant, String email) {
        return "account\n" + tenant + "\n" + normalised(email);
    }

    /** The address as sign-in looks it up; text that is no address at all names no account, so it stays as given. */
    private static String normalised(String email) {
        try {
            return Email.of(email).value();
        } catch (ValidationFailed | IllegalArgumentException notAnAddress) {
            return email;
        }
    }
}
