package org.supportdesk.domain.feed;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * One entry of a tenant's change feed (§16, docs/live-events.md), written in the transaction of the change it
 * describes. Staff read {@code data}; a customer reads {@code customerData}, and only of an event they may see: a
 * ticket's event while they may see the ticket, or an event about them alone ({@code customer}, e.g. their call-back
 * request). An event without {@code customerData} is never shown to a customer.
 *
 * @param cursor the event's place in its tenant's feed: 1, 2, 3 … in commit order, assigned when it is appended
 * @param type the change-feed name ({@code ticket_created}, {@code message_added} …)
 * @param version the ticket's version after the change, for ticket events
 * @param data what staff are told, as a JSON object
 * @param customerData what a customer is told, as a JSON object; empty when customers are never told
 * @param customer the one customer an event about no ticket they may see concerns
 */
public record ChangeEvent(
        TenantId tenant,
        long cursor,
        String type,
        Optional<TicketId> ticket,
        Optional<Long> version,
        Instant at,
        String data,
        Optional<String> customerData,
        Optional<UserId> customer) {
    /** The cursor of an event not appended yet. */
    public static final long UNASSIGNED = 0;

    public ChangeEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(customerData, "customerData");
        Objects.requireNonNull(customer, "customer");
        if (cursor < 0) {
            throw new IllegalArgumentException("a cursor is not negative");
        }
    }

    /** A new event, its cursor to be assigned by the feed. */
    public static ChangeEvent of(
            TenantId tenant,
            String type,
            Optional<TicketId> ticket,
            Optional<Long> version,
            Instant at,
            String data,
            Optional<String> customerData,
            Optional<UserId> customer) {
        return new ChangeEvent(tenant, UNASSIGNED, type, ticket, version, at, data, customerData, customer);
    }

    /** This event at {@code assigned} in its feed. */
    public ChangeEvent at(long assigned) {
        return new ChangeEvent(tenant, assigned, type, ticket, version, at, data, customerData, customer);
    }
}
