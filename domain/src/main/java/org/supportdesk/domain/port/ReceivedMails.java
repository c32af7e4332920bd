package org.supportdesk.domain.port;

import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.mail.MailRule;
import org.supportdesk.domain.mail.ReceivedMail;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/** The record of every mail a tenant received, one per key: the dedupe of inbound mail and its provenance. */
public interface ReceivedMails {
    /** The mail received under {@code key}, if one was. */
    Optional<ReceivedMail> find(TenantId tenant, String key);

    /**
     * Records a received mail unless one with its key is recorded (or being recorded by a concurrent transaction, which
     * this call then waits for); answers whether this call recorded it.
     */
    boolean add(ReceivedMail mail);

    /** The rule that placed each message of {@code ticket} that arrived by mail. */
    Map<MessageId, MailRule> rulesOf(TenantId tenant, TicketId ticket);
}
