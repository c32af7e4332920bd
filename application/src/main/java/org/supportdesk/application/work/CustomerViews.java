package org.supportdesk.application.work;

import java.util.List;
import java.util.Set;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.CustomerTicketView;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * A customer's whole view of a ticket they may see (§8), read in the caller's transaction: with its related article
 * while that is published.
 */
public final class CustomerViews {
    private final Conversations conversations;
    private final RequesterNames requesterNames;
    private final KnowledgeBase knowledgeBase;

    public CustomerViews(
            TicketRepository tickets, People people, Attachments attachments, KnowledgeBase knowledgeBase) {
        this.conversations = new Conversations(tickets, attachments);
        this.requesterNames = new RequesterNames(people);
        this.knowledgeBase = knowledgeBase;
    }

    /**
     * The view with the messages the customer may see and their files; the caller checked they may see the ticket.
     */
    public CustomerTicketView of(CustomerActor customer, TicketState ticket) {
        Conversations.Conversation conversation = conversations.of(customer, ticket);
        return TicketAccess.customerView(
                customer,
                ticket,
                requesterNames.of(ticket),
                conversation.messages(),
                conversation.attachments(),
                publishedOf(ticket));
    }

    /**
     * The view of a ticket the caller's unit of work has just filed, from what it wrote: a new ticket has no messages
     * yet, its files are the ones just linked to it, and its requester is known; only a related article is looked up.
     */
    public CustomerTicketView ofFiled(
            CustomerActor customer, TicketState ticket, String requesterName, List<Attachment> linked) {
        return TicketAccess.customerView(customer, ticket, requesterName, List.of(), linked, publishedOf(ticket));
    }

    private Set<ArticleId> publishedOf(TicketState ticket) {
        return ticket.relatedArticle()
                .map(article -> knowledgeBase.publishedAmong(ticket.tenant(), Set.of(article)))
                .orElse(Set.of());
    }
}
