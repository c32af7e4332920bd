package org.supportdesk.adapter.http.limits;

import java.time.InstantSource;

/**
 * What keeps one client from starving the rest: where a request comes from, the API's rate limits and the sign-in
 * throttle.
 */
public record RequestLimits(ClientAddress addresses, RateLimits rates, LoginThrottle logins) {
    /** The standard limits for clients that connect directly. */
    public static RequestLimits standard(InstantSource clock) {
        return new RequestLimits(
                ClientAddress.direct(),
                new RateLimits(RateLimits.Policy.standard()),
                LoginThrottle.withDefaults(clock));
    }
}
