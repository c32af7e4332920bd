package org.supportdesk.adapter.persistence.probe;

import org.supportdesk.adapter.http.portal.probe.LeakyPortal;

/** A persistence class that reaches back into the HTTP adapter. Never used. */
public final class LeakyStore {
    public LeakyPortal portal() {
        return null;
    }
}
