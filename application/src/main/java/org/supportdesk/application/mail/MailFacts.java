package org.supportdesk.application.mail;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * What one mail tells its recipient, before it is put into words: what happened, on which ticket (none for a call-back
 * request about no ticket), who did it, the public message it quotes, if any, and where to read more.
 *
 * @param status the status a status change set (the ticket's own may have moved on since)
 * @param actor the name of whoever made the change (the system's name for the system)
 * @param quote the body of the public message the mail quotes; never an internal note's
 */
public record MailFacts(
        NotificationTopic topic,
        Optional<TicketState> ticket,
        Optional<TicketStatus> status,
        String actor,
        Optional<String> quote,
        URI link) {
    public MailFacts {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(link, "link");
    }
}
