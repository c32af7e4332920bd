package org.supportdesk.application.query;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketListItem;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.visibility.CustomerTicketView;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * A customer lists their tickets (and their organisation's when shared), newest first, by status, priority and text
 * that never matches what they cannot see (§9). Items carry no messages; counts cover the visible ones.
 */
public final class ListCustomerTickets {
    public record Command(
            CustomerActor actor,
            Set<TicketStatus> statuses,
            Set<Priority> priorities,
            Optional<String> text,
            PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            statuses = Set.copyOf(statuses);
            priorities = Set.copyOf(priorities);
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(page, "page");
        }
    }

    private final TicketQueries queries;
    private final TransactionRunner transactions;
    private final KnowledgeBase knowledgeBase;

    public ListCustomerTickets(TicketQueries queries, TransactionRunner transactions, KnowledgeBase knowledgeBase) {
        this.queries = queries;
        this.transactions = transactions;
        this.knowledgeBase = knowledgeBase;
    }

    public Page<CustomerTicketView> handle(Command command) {
        CustomerActor customer = command.actor();
        TicketFilter filter = TicketFilter.seenBy(customer).toBuilder()
                .statuses(command.statuses())
                .priorities(command.priorities())
                .text(command.text())
                .build();
        return transactions.inTransaction(customer.tenant(), () -> {
            Page<TicketListItem> page =
                    queries.list(customer.tenant(), filter, TicketSort.NEWEST_FIRST, command.page());
            Set<ArticleId> published = published(customer, page);
            return page.map(item -> TicketAccess.customerSummary(
                    customer,
                    item.ticket(),
                    item.requesterName(),
                    item.customerVisibleMessages(),
                    item.lastCustomerVisibleAt(),
                    published));
        });
    }

    /** Which of the page's related articles are published: one look-up for the page, none when no ticket names one. */
    private Set<ArticleId> published(CustomerActor customer, Page<TicketListItem> page) {
        Set<ArticleId> named = page.items().stream()
                .map(item -> item.ticket().relatedArticle())
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return named.isEmpty() ? Set.of() : knowledgeBase.publishedAmong(customer.tenant(), named);
    }
}
