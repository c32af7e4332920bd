package org.supportdesk.application.probe;

import org.supportdesk.adapter.http.portal.probe.LeakyPortal;

/** A command that is not a record, holds mutable state and reaches an adapter. Never used. */
public final class LeakyCommand {
    private LeakyPortal portal;

    public void remember(LeakyPortal portal) {
        this.portal = portal;
    }

    public LeakyPortal portal() {
        return portal;
    }
}
