package org.supportdesk.adapter.persistence;

import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.TicketNumbers;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * Ticket numbers from a per-tenant counter row. Taking a number locks the tenant's row until the filing transaction
 * ends, so concurrent filers get distinct numbers; a rolled-back filing returns its number with the rollback, and no
 * committed number is ever handed out again.
 */
public final class JdbiTicketNumbers implements TicketNumbers {
    private final Jdbi jdbi;

    public JdbiTicketNumbers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public TicketNumber next(TenantId tenant, int year) {
        long sequence = jdbi.withHandle(handle -> handle.createQuery(
                        """
                        INSERT INTO ticket_number_counters AS c (tenant_id, last_value) VALUES (:tenant, 1)
                        ON CONFLICT (tenant_id) DO UPDATE SET last_value = c.last_value + 1
                        RETURNING last_value
                        """)
                .bind("tenant", tenant.value())
                .mapTo(Long.class)
                .one());
        return new TicketNumber(year, sequence);
    }
}
