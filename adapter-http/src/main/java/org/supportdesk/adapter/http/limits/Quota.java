package org.supportdesk.adapter.http.limits;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.supportdesk.adapter.http.ApiCode;
import org.supportdesk.adapter.http.HttpProblem;

/**
 * Where a caller stands against one limit (§16 "Rate limits you can see"): how many requests the limit allows, how many
 * are left, and in how many seconds the quota is whole again. Every response carries the tightest quota that applied to
 * it as {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}.
 */
public record Quota(long limit, long remaining, long resetSeconds) {
    public static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    /** The quota closer to running out; on a tie, the one that takes longer to recover. */
    public Quota tighter(Quota other) {
        if (remaining != other.remaining) {
            return remaining < other.remaining ? this : other;
        }
        return resetSeconds >= other.resetSeconds ? this : other;
    }

    /**
     * Puts this quota on the response unless one already there is tighter, so that whichever limits a request meets,
     * the headers show the one closest to refusing it.
     */
    public void offer(Context ctx) {
        String shown = ctx.res().getHeader(REMAINING);
        if (shown != null && Long.parseLong(shown) < remaining) {
            return;
        }
        headers().forEach(ctx::header);
    }

    /** The refusal of a request over this quota: 429 with the headers and when to try again. */
    public HttpProblem refusal(String detail, long retryAfterSeconds) {
        Map<String, String> headers = new HashMap<>(headers());
        headers.put("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        return new HttpProblem(ApiCode.RATE_LIMITED, detail, List.of(), headers);
    }

    public Map<String, String> headers() {
        return Map.of(
                LIMIT, Long.toString(limit), REMAINING, Long.toString(remaining), RESET, Long.toString(resetSeconds));
    }
}
