package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/** The requester rated how their resolved or closed ticket was handled. */
public record FeedbackGiven(TenantId tenant, TicketId ticket, Author by, Instant at, Feedback feedback)
        implements TicketEvent {
    @Override
    public JournalAction action() {
        return JournalAction.FEEDBACK_GIVEN;
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(
                FieldChange.of("rating", null, feedback.rating()),
                FieldChange.of("comment", null, feedback.comment().orElse(null)));
    }
}
