package org.supportdesk.adapter.persistence;

import org.supportdesk.domain.port.TicketNumbers;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * Ticket numbers from a per-tenant counter row. Taking a number locks the tenant's row until the filing transaction
 * ends, so concurrent filers get distinct numbers; a rolled-back filing returns its number with the rollback, and no
 * committed number is ever handed out again.
 */
public final class JdbiTicketNumbers implements TicketNumbers {
    private final TenantScope scope;

    JdbiTicketNumbers(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public TicketNumber next(TenantId tenant, int year) {
        return new TicketNumber(year, dao(tenant).next(tenant.value()));
    }

    private TicketNumberDao dao(TenantId tenant) {
        return scope.dao(tenant, TicketNumberDao.class);
    }
}
