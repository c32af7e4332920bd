package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.mail.MailOutcome;
import org.supportdesk.domain.mail.MailRule;
import org.supportdesk.domain.mail.ReceivedMail;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;

/** A {@code received_mails} row; public because JDBI binds public accessors only. */
public record ReceivedMailRow(
        UUID tenantId,
        String mailKey,
        String sender,
        String outcome,
        String rule,
        String reason,
        UUID ticketId,
        String ticketNumber,
        UUID messageId,
        Instant receivedAt) {

    static ReceivedMailRow from(ReceivedMail m) {
        return new ReceivedMailRow(
                m.tenant().value(),
                m.key(),
                m.sender(),
                m.outcome().wireName(),
                m.rule().map(MailRule::wireName).orElse(null),
                m.reason().orElse(null),
                m.ticket().map(TicketId::value).orElse(null),
                m.ticketNumber().map(TicketNumber::toString).orElse(null),
                m.message().map(MessageId::value).orElse(null),
                m.receivedAt());
    }

    ReceivedMail toDomain() {
        return new ReceivedMail(
                new TenantId(tenantId),
                mailKey,
                sender,
                MailOutcome.parse(outcome),
                Optional.ofNullable(rule).map(MailRule::parse),
                Optional.ofNullable(reason),
                Optional.ofNullable(ticketId).map(TicketId::new),
                Optional.ofNullable(ticketNumber).map(n -> TicketNumber.parse(n).orElseThrow()),
                Optional.ofNullable(messageId).map(MessageId::new),
                receivedAt);
    }
}
