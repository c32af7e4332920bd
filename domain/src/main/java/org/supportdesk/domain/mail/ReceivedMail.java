package org.supportdesk.domain.mail;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * The record of one received mail, kept once per {@code key} and tenant so the same mail delivered twice (a retried
 * hook, a re-read mailbox) is processed once, and so staff can see which rule placed each mailed message.
 *
 * @param key the mail's {@code Message-ID}, or the digest of its bytes when it has none
 * @param sender the {@code From} address as judged, for the record
 * @param ticket the ticket it created or joined
 * @param message the message it became; empty when it became a ticket's description or was ignored
 * @param reason why it was ignored, or what was left out of it (files refused)
 */
public record ReceivedMail(
        TenantId tenant,
        String key,
        String sender,
        MailOutcome outcome,
        Optional<MailRule> rule,
        Optional<String> reason,
        Optional<TicketId> ticket,
        Optional<TicketNumber> ticketNumber,
        Optional<MessageId> message,
        Instant receivedAt) {
    public ReceivedMail {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if ((outcome == MailOutcome.IGNORED) != ticket.isEmpty() || ticket.isPresent() != rule.isPresent()) {
            throw new IllegalArgumentException("an ignored mail has no ticket nor rule; a placed one has both");
        }
    }
}
