package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.Feedback;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.TicketRef;

/**
 * The requester rates a resolved or closed ticket, once (§9 feedback, CSAT): journalled as {@code feedback_given},
 * told to the tenant's admins through the outbox (§13), shown on the ticket to staff and to the customer, and counted
 * by the stats. An organisation-mate may not rate (§17); another customer's ticket is not found.
 */
public final class GiveFeedback {
    public record Command(CustomerActor actor, TicketRef ticket, Rating rating, Optional<String> comment) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(rating, "rating");
            Objects.requireNonNull(comment, "comment");
        }
    }

    private final TicketChanges changes;

    public GiveFeedback(TicketChanges changes) {
        this.changes = changes;
    }

    /** The feedback as recorded. */
    public Feedback handle(Command command) {
        // No expected version: feedback is given once, so a retry or a race is refused by the ticket itself.
        return changes.changeWithResult(
                        command.actor(),
                        command.ticket(),
                        Optional.empty(),
                        (ticket, context) -> ticket.giveFeedback(command.rating(), command.comment(), context))
                .result();
    }
}
