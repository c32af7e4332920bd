package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.feed.ChangeEvent;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/** A {@code change_events} row, its JSON as text; public because JDBI binds public accessors only. */
public record ChangeEventRow(
        UUID tenantId,
        long cursor,
        String type,
        UUID ticketId,
        Long version,
        Instant at,
        String data,
        String customerData,
        UUID customerId) {

    static ChangeEventRow from(ChangeEvent event) {
        return new ChangeEventRow(
                event.tenant().value(),
                event.cursor(),
                event.type(),
                event.ticket().map(TicketId::value).orElse(null),
                event.version().orElse(null),
                event.at(),
                event.data(),
                event.customerData().orElse(null),
                event.customer().map(UserId::value).orElse(null));
    }

    ChangeEvent toDomain() {
        return new ChangeEvent(
                new TenantId(tenantId),
                cursor,
                type,
                Optional.ofNullable(ticketId).map(TicketId::new),
                Optional.ofNullable(version),
                at,
                data,
                Optional.ofNullable(customerData),
                Optional.ofNullable(customerId).map(UserId::new));
    }
}
