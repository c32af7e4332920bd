package org.supportdesk.domain.visibility;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * What a customer sees of a ticket (§8). It has no field for what customers must not see (assignee, tags,
 * escalation, SLA internals, custom fields, internal messages), so none can leak through it.
 */
public record CustomerTicketView(
        TicketId id,
        TicketNumber number,
        Subject subject,
        Description description,
        Category category,
        Priority priority,
        TicketStatus status,
        UserId requester,
        String requesterName,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> resolvedAt,
        Optional<Instant> closedAt,
        int messagesCount,
        Optional<Instant> lastMessageAt,
        List<CustomerMessageView> messages) {
    public CustomerTicketView {
        messages = List.copyOf(messages);
    }
}
