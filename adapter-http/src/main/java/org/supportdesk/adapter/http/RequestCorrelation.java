package org.supportdesk.adapter.http;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.supportdesk.domain.port.CorrelationIds;

/**
 * The correlation id of the request (or job) the thread serves: taken from a well-formed {@code X-Correlation-Id}
 * header or made up, echoed in the response, put in the log context and stamped on journal entries.
 */
public final class RequestCorrelation implements CorrelationIds {
    public static final String HEADER = "X-Correlation-Id";
    private static final String MDC_KEY = "correlation_id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** Starts serving a request that brought {@code offered} (may be null); answers the id in force. */
    public static String begin(String offered) {
        String id = offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        CURRENT.set(id);
        MDC.put(MDC_KEY, id);
        return id;
    }

    public static void end() {
        CURRENT.remove();
        MDC.remove(MDC_KEY);
    }

    /** The id in force on this thread, or a fresh one outside any request. */
    public static String currentId() {
        String id = CURRENT.get();
        return id != null ? id : "none";
    }

    @Override
    public String current() {
        return currentId();
    }
}
