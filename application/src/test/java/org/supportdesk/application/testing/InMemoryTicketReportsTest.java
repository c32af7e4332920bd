package org.supportdesk.application.testing;

import org.supportdesk.application.Ports;
import org.supportdesk.domain.testing.SequentialIds;

/** The in-memory stores are the reference the reports contract describes. */
class InMemoryTicketReportsTest extends TicketReportsContract {
    @Override
    protected Ports ports(MutableClock clock) {
        return new InMemorySupportdesk(clock, SequentialIds.startingAtOne()).ports;
    }
}
