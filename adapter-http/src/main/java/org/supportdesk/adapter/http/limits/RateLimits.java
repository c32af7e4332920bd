package org.supportdesk.adapter.http.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Request rate limits for the whole API (§16), token buckets from bucket4j: each signed-in person has a bucket, so does
 * their tenant as a whole (one tenant's integration cannot starve another tenant), and requests nobody is signed in
 * for share one per client address. Buckets refill gradually over the window, so a client that paces itself is never
 * refused. The buckets live in this process's memory, at most {@link #MAX_BUCKETS_PER_KIND} of each kind (the least
 * recently used go first); several instances behind a balancer each count on their own.
 */
public final class RateLimits {
    /** Requests allowed per {@code window}, per person, per tenant and per client address without a sign-in. */
    public record Policy(long perPerson, long perTenant, long perAddress, Duration window) {
        public Policy {
            if (perPerson < 1 || perTenant < 1 || perAddress < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("every rate limit allows at least one request in a positive window");
            }
        }

        /** 600 requests a minute per person, 6,000 per tenant, 300 per address for requests without a sign-in. */
        public static Policy standard() {
            return new Policy(600, 6_000, 300, Duration.ofMinutes(1));
        }
    }

    static final int MAX_BUCKETS_PER_KIND = 100_000;

    private final Policy policy;
    private final TimeMeter time;
    private final Buckets people = new Buckets();
    private final Buckets tenants = new Buckets();
    private final Buckets addresses = new Buckets();

    public RateLimits(Policy policy) {
        this(policy, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Limits whose buckets refill by {@code time}, for tests that move time themselves. */
    public RateLimits(Policy policy, TimeMeter time) {
        this.policy = policy;
        this.time = time;
    }

    /**
     * Counts one request by {@code actor} (empty when nobody is signed in, then it counts against {@code address}) and
     * answers the tightest quota left.
     *
     * @throws org.supportdesk.adapter.http.HttpProblem 429 when a limit is spent
     */
    public Quota charge(Optional<Actor> actor, String address) {
        if (actor.isEmpty()) {
            return take(addresses.of(address, policy.perAddress()), policy.perAddress(), "from your address");
        }
        Actor who = actor.get();
        Quota tenant = take(
                tenants.of(who.tenant().toString(), policy.perTenant()),
                policy.perTenant(),
                "for your organisation's tenant");
        Quota person =
                take(people.of(who.tenant() + "/" + personKey(who), policy.perPerson()), policy.perPerson(), "for you");
        return tenant.tighter(person);
    }

    /**
     * Counts a request that was answered without reaching a route (an unknown path …) against its address, refusing
     * nothing: its answer is already decided, and the quota only goes on its headers.
     */
    public Quota count(String address) {
        ConsumptionProbe probe = addresses.of(address, policy.perAddress()).tryConsumeAndReturnRemaining(1);
        return new Quota(policy.perAddress(), probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()));
    }

    private Quota take(Bucket bucket, long limit, String whose) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        Quota quota = new Quota(limit, probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()));
        if (!probe.isConsumed()) {
            throw quota.refusal(
                    "Too many requests " + whose + "; try again in a few seconds",
                    seconds(probe.getNanosToWaitForRefill()));
        }
        return quota;
    }

    private static String personKey(Actor actor) {
        if (actor instanceof StaffActor staff) {
            return staff.id().toString();
        }
        if (actor instanceof CustomerActor customer) {
            return customer.id().toString();
        }
        return actor.kind().name(); // the system never comes over HTTP
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    /** Buckets by key, the least recently used forgotten beyond the bound (a forgotten bucket starts full again). */
    private final class Buckets {
        private final Map<String, Bucket> byKey = new LinkedHashMap<>(1_024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_BUCKETS_PER_KIND;
            }
        };

        synchronized Bucket of(String key, long capacity) {
            return byKey.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, policy.window()))
                    .withCustomTimePrecision(time)
                    .build());
        }
    }
}
