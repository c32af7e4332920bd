package org.supportdesk.domain.visibility;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.ActorKind;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The one owner of §8: what an actor may see of tickets and messages, and the customer projections. Anything an
 * actor may not see is reported as missing, never as forbidden.
 */
public final class TicketAccess {
    private TicketAccess() {}

    /** Staff see every live ticket of their tenant; customers their own, and their organisation's when shared. */
    public static boolean canSee(Actor actor, TicketState ticket) {
        if (!actor.tenant().equals(ticket.tenant()) || ticket.isDeleted()) {
            return false;
        }
        if (actor.kind() != ActorKind.CUSTOMER) {
            return true;
        }
        CustomerActor customer = (CustomerActor) actor;
        return customer.id().equals(ticket.requester())
                || customer.seesOrganizationTickets() && customer.organization().equals(ticket.organization());
    }

    /** A soft-deleted ticket is visible to its tenant's admins only, to restore it. */
    public static boolean canSeeDeleted(Actor actor, TicketState ticket) {
        return actor.tenant().equals(ticket.tenant()) && actor instanceof StaffActor staff && staff.isAdmin();
    }

    /** Customers see public replies and public system messages; staff see everything. */
    public static boolean canSee(Actor actor, Message message) {
        return actor.tenant().equals(message.tenant())
                && (actor.kind() != ActorKind.CUSTOMER || message.customerVisible());
    }

    /** The messages of a ticket the actor may read, in conversation order. */
    public static List<Message> visibleMessages(Actor actor, List<Message> messages) {
        return messages.stream()
                .filter(m -> canSee(actor, m))
                .sorted(Message.CONVERSATION_ORDER)
                .collect(Collectors.toList());
    }

    /**
     * The customer's view of a ticket they may see; counts and times cover only the messages they can see. It names no
     * related article: {@link #customerView(CustomerActor, TicketState, String, List, Set)} is for callers who know which
     * articles are published.
     */
    public static CustomerTicketView customerView(
            CustomerActor customer, TicketState ticket, String requesterName, List<Message> messages) {
        return customerView(customer, ticket, requesterName, messages, Set.of());
    }

    /**
     * The customer's view of a ticket they may see, naming its related article when that is among {@code
     * publishedArticles}, the tenant's published articles the caller looked up.
     */
    public static CustomerTicketView customerView(
            CustomerActor customer,
            TicketState ticket,
            String requesterName,
            List<Message> messages,
            Set<ArticleId> publishedArticles) {
        List<CustomerMessageView> visible = visibleMessages(customer, messages).stream()
                .map(TicketAccess::customerView)
                .collect(Collectors.toList());
        Optional<Instant> lastMessageAt =
                visible.stream().map(CustomerMessageView::createdAt).max(Comparator.naturalOrder());
        return view(customer, ticket, requesterName, visible.size(), lastMessageAt, visible, publishedArticles);
    }

    /** The customer's view of a listed ticket, without its messages or related article. */
    public static CustomerTicketView customerSummary(
            CustomerActor customer,
            TicketState ticket,
            String requesterName,
            int visibleMessages,
            Optional<Instant> lastVisibleAt) {
        return customerSummary(customer, ticket, requesterName, visibleMessages, lastVisibleAt, Set.of());
    }

    /**
     * The customer's view of a listed ticket, without its messages, given what the customer can see of them; its
     * related article when that is among {@code publishedArticles}.
     */
    public static CustomerTicketView customerSummary(
            CustomerActor customer,
            TicketState ticket,
            String requesterName,
            int visibleMessages,
            Optional<Instant> lastVisibleAt,
            Set<ArticleId> publishedArticles) {
        return view(customer, ticket, requesterName, visibleMessages, lastVisibleAt, List.of(), publishedArticles);
    }

    private static CustomerTicketView view(
            CustomerActor customer,
            TicketState ticket,
            String requesterName,
            int messagesCount,
            Optional<Instant> lastMessageAt,
            List<CustomerMessageView> messages,
            Set<ArticleId> publishedArticles) {
        if (!canSee(customer, ticket)) {
            throw new IllegalArgumentException("the customer may not see ticket " + ticket.id());
        }
        return new CustomerTicketView(
                ticket.id(),
                ticket.number(),
                ticket.subject(),
                ticket.description(),
                ticket.category(),
                ticket.priority(),
                ticket.status(),
                ticket.requester(),
                requesterName,
                ticket.createdAt(),
                ticket.customerUpdatedAt(),
                ticket.sla().resolvedAt(),
                ticket.sla().closedAt(),
                messagesCount,
                lastMessageAt,
                messages,
                ticket.relatedArticle().filter(publishedArticles::contains));
    }

    /** The customer's view of one message they may see. */
    public static CustomerMessageView customerView(Message message) {
        if (!message.customerVisible()) {
            throw new IllegalArgumentException("message " + message.id() + " is not for customers");
        }
        return new CustomerMessageView(
                message.id(),
                message.author().name(),
                message.author().role(),
                message.kind(),
                message.body(),
                message.via(),
                message.resolution(),
                message.createdAt());
    }
}
