package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketField;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketUpdated;

/** Tickets, their tags and conversations in PostgreSQL. */
public final class JdbiTicketRepository implements TicketRepository {
    private final TenantScope scope;

    JdbiTicketRepository(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<Ticket> find(TenantId tenant, TicketRef ticket) {
        return findIncludingDeleted(tenant, ticket).filter(t -> !t.state().isDeleted());
    }

    @Override
    public Optional<Ticket> findIncludingDeleted(TenantId tenant, TicketRef ticket) {
        TicketDao dao = dao(tenant);
        return (ticket instanceof TicketNumber
                        ? dao.findByNumber(tenant.value(), ticket.toString())
                        : dao.findById(tenant.value(), ((TicketId) ticket).value()))
                .map(row -> Ticket.restore(row.toDomain()));
    }

    @Override
    public void save(Ticket ticket) {
        TicketDao dao = dao(ticket.tenant());
        TicketRow row = TicketRow.from(ticket.state());
        if (ticket.isNew()) {
            dao.insert(row);
        } else if (dao.update(row, ticket.persistedVersion()) == 0) {
            throw new StaleTicket(ticket.id(), ticket.persistedVersion());
        }
        if (tagsChanged(ticket)) {
            dao.findOrCreateTags(row.tenantId(), row.tags());
            dao.untagAllBut(row.tenantId(), row.id(), row.tags());
            dao.tag(row.tenantId(), row.id(), row.tags());
        }
        List<MessageRow> messages =
                ticket.newMessages().stream().map(MessageRow::from).collect(Collectors.toList());
        if (!messages.isEmpty()) {
            dao.insertMessages(messages);
        }
    }

    @Override
    public void lock(TenantId tenant, TicketId ticket) {
        dao(tenant).lock(tenant.value(), ticket.value());
    }

    private static boolean tagsChanged(Ticket ticket) {
        return ticket.events().stream()
                .anyMatch(e -> e instanceof TicketUpdated updated && updated.field() == TicketField.TAGS);
    }

    @Override
    public List<Message> messagesOf(TenantId tenant, TicketId ticket) {
        return records(tenant).messages(tenant.value(), ticket.value()).stream()
                .map(MessageRow::toDomain)
                .collect(Collectors.toList());
    }

    @Override
    public List<Message> conversationOf(TenantId tenant, TicketId ticket) {
        return records(tenant).conversation(tenant.value(), ticket.value()).stream()
                .map(MessageRow::toDomain)
                .collect(Collectors.toList());
    }

    @Override
    public List<TicketState> mergedInto(TenantId tenant, TicketId target) {
        return records(tenant).mergedInto(tenant.value(), target.value()).stream()
                .map(TicketRow::toDomain)
                .collect(Collectors.toList());
    }

    @Override
    public void moveMessages(TenantId tenant, List<MessageId> messages, TicketId to) {
        records(tenant)
                .moveMessages(
                        tenant.value(), messages.stream().map(MessageId::value).toArray(UUID[]::new), to.value());
    }

    @Override
    public List<TicketId> resolvedAtOrBefore(TenantId tenant, Instant resolvedAtOrBefore, int limit) {
        return records(tenant).resolvedAtOrBefore(tenant.value(), resolvedAtOrBefore, limit).stream()
                .map(TicketId::new)
                .collect(Collectors.toList());
    }

    @Override
    public Set<Category> categoriesInUse(TenantId tenant) {
        return records(tenant).categoriesInUse(tenant.value()).stream()
                .map(Category::new)
                .collect(Collectors.toSet());
    }

    @Override
    public boolean relatesToArticle(TenantId tenant, ArticleId article) {
        return records(tenant).relatesToArticle(tenant.value(), article.value());
    }

    private TicketDao dao(TenantId tenant) {
        return scope.dao(tenant, TicketDao.class);
    }

    private TicketRecordsDao records(TenantId tenant) {
        return scope.dao(tenant, TicketRecordsDao.class);
    }
}
