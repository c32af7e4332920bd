package org.supportdesk.application.testing;

import org.supportdesk.domain.port.CorrelationIds;

/** One correlation id for everything, which tests can change between steps. */
public final class FixedCorrelationIds implements CorrelationIds {
    private volatile String current = "test-correlation";

    @Override
    public String current() {
        return current;
    }

    public void set(String id) {
        current = id;
    }
}
