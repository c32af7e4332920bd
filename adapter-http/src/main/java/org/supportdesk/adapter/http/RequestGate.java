package org.supportdesk.adapter.http;

import io.javalin.http.Context;
import java.util.Map;

/**
 * What every request passes on its way in and out: admission to its route (who is calling, whether their rate limits
 * allow it, whether their role may use the route), and the rate-limit headers on answers that never reached a route.
 */
public interface RequestGate {
    /**
     * Before a matched route runs: lets the request on, or refuses it.
     *
     * @throws HttpProblem 401, 403 or 429
     */
    void admit(Context ctx);

    /** After the answer is decided, whatever it was: completes its headers (an unknown route's answer has none yet). */
    void answered(Context ctx);

    /**
     * Headers for a request the server refused before it could read it properly (headers too large …), given the
     * socket peer and its {@code X-Forwarded-For} (null when absent).
     */
    Map<String, String> refused(String peer, String forwardedFor);
}
