package org.supportdesk.adapter.persistence;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.mail.MailRule;
import org.supportdesk.domain.mail.ReceivedMail;
import org.supportdesk.domain.port.ReceivedMails;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/** The record of received mail in PostgreSQL (see {@link ReceivedMailDao}). */
public final class JdbiReceivedMails implements ReceivedMails {
    private final TenantScope scope;

    JdbiReceivedMails(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<ReceivedMail> find(TenantId tenant, String key) {
        return dao(tenant).find(tenant.value(), key).map(ReceivedMailRow::toDomain);
    }

    @Override
    public boolean add(ReceivedMail mail) {
        return dao(mail.tenant()).insert(ReceivedMailRow.from(mail)) == 1;
    }

    @Override
    public Map<MessageId, MailRule> rulesOf(TenantId tenant, TicketId ticket) {
        return dao(tenant).ofTicket(tenant.value(), ticket.value()).stream()
                .map(ReceivedMailRow::toDomain)
                .collect(Collectors.toMap(
                        m -> m.message().orElseThrow(), m -> m.rule().orElseThrow()));
    }

    private ReceivedMailDao dao(TenantId tenant) {
        return scope.dao(tenant, ReceivedMailDao.class);
    }
}
