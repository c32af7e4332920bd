package org.supportdesk.application.ids;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.supportdesk.domain.port.CorrelationIds;

/**
 * The correlation id of the request or job each thread serves, stamped on the journal entries it writes: the driving
 * adapter begins one per request (taking a well-formed id the caller offered, else making one up) and ends it after.
 */
public final class ThreadCorrelation implements CorrelationIds {
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private final ThreadLocal<String> current = new ThreadLocal<>();

    /** Starts serving work that brought {@code offered}; answers the id in force. */
    public String begin(Optional<String> offered) {
        String id = offered.filter(given -> ACCEPTED.matcher(given).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        current.set(id);
        return id;
    }

    public void end() {
        current.remove();
    }

    /** The id in force on this thread; {@code none} outside any request or job. */
    @Override
    public String current() {
        String id = current.get();
        return id != null ? id : "none";
    }
}
