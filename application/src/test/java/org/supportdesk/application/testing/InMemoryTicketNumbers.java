package org.supportdesk.application.testing;

import java.util.HashMap;
import java.util.Map;
import org.supportdesk.domain.port.TicketNumbers;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketNumber;

/** Per-tenant counters that, like a database sequence, never give a number back even when a filing rolls back. */
public final class InMemoryTicketNumbers implements TicketNumbers {
    private final TenantBinding binding;
    private final Map<TenantId, Long> last = new HashMap<>();

    public InMemoryTicketNumbers(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized TicketNumber next(TenantId tenant, int year) {
        binding.require(tenant);
        return new TicketNumber(year, last.merge(tenant, 1L, Long::sum));
    }
}
