package org.supportdesk.domain.probe;

import java.time.Instant;
import java.util.Date;
import java.util.logging.Logger;
import org.supportdesk.application.work.TicketChanges;

/** Breaks the domain's rules on purpose, so the architecture test can prove they bite. Never used. */
public final class LeakyDomainType {
    private static final Logger LOG = Logger.getLogger("leaky");

    public Instant readsTheWallClock() {
        return Instant.now();
    }

    public long readsMillis() {
        return System.currentTimeMillis();
    }

    public void printsAndLogsTheOldWay(TicketChanges reachesIntoTheApplication) {
        System.out.println(reachesIntoTheApplication);
        LOG.info(new Date().toString());
        throw new RuntimeException("generic");
    }
}
