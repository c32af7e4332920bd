package org.supportdesk.application.feed;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.feed.ChangeEvent;
import org.supportdesk.domain.ticket.TicketId;

/**
 * One change-feed event as its reader may see it (§16): staff get the event's staff data and the ticket's version, a
 * customer only the customer data and no version (it counts internal activity too; the portal's ticket ETag is theirs).
 *
 * @param data a JSON object
 */
public record FeedItem(
        long cursor, String type, Optional<TicketId> ticket, Optional<Long> version, Instant at, String data) {
    public FeedItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(data, "data");
    }

    static FeedItem forStaff(ChangeEvent event) {
        return new FeedItem(event.cursor(), event.type(), event.ticket(), event.version(), event.at(), event.data());
    }

    static FeedItem forCustomer(ChangeEvent event) {
        return new FeedItem(
                event.cursor(),
                event.type(),
                event.ticket(),
                Optional.empty(),
                event.at(),
                event.customerData().orElseThrow(() -> new IllegalStateException("not an event for customers")));
    }
}
