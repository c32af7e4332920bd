package org.supportdesk.application.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.mail.MailRule;
import org.supportdesk.domain.mail.ReceivedMail;
import org.supportdesk.domain.port.ReceivedMails;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/** Every tenant's received mail in a map keyed by tenant and mail key. */
public final class InMemoryReceivedMails implements ReceivedMails, Snapshotting {
    private final TenantBinding binding;
    private Map<List<Object>, ReceivedMail> mails = new LinkedHashMap<>();

    public InMemoryReceivedMails(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized Optional<ReceivedMail> find(TenantId tenant, String key) {
        binding.require(tenant);
        return Optional.ofNullable(mails.get(List.of(tenant, key)));
    }

    @Override
    public synchronized boolean add(ReceivedMail mail) {
        binding.require(mail.tenant());
        return mails.putIfAbsent(List.of(mail.tenant(), mail.key()), mail) == null;
    }

    @Override
    public synchronized Map<MessageId, MailRule> rulesOf(TenantId tenant, TicketId ticket) {
        binding.require(tenant);
        return mails.values().stream()
                .filter(m -> m.tenant().equals(tenant) && m.ticket().equals(Optional.of(ticket)))
                .filter(m -> m.message().isPresent())
                .collect(Collectors.toMap(m -> m.message().get(), m -> m.rule().orElseThrow()));
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(mails);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        mails = (Map<List<Object>, ReceivedMail>) snapshot;
    }
}
