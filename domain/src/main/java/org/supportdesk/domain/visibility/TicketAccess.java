package org.supportdesk.domain.visibility;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.ActorKind;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.MergedInto;
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
        return isTheirs((CustomerActor) actor, ticket);
    }

    /**
     * Whether {@code ticket} is the customer's own, or their organisation's when shared, deleted or not: what decides
     * that they see it while it lives, and that they are told of its deletion (the change feed's tombstone).
     */
    public static boolean isTheirs(CustomerActor customer, TicketState ticket) {
        return customer.tenant().equals(ticket.tenant())
                && (customer.id().equals(ticket.requester())
                        || customer.seesOrganizationTickets()
                                && customer.organization().equals(ticket.organization()));
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
     * Whether {@code actor} may fetch {@code attachment} (§6, §8). An unlinked upload is its uploader's alone. A linked
     * one follows what it is linked to: {@code ticket} (the attachment's ticket as stored, empty when it is gone) must
     * be one the actor may see, and {@code message} (the message it was posted with; empty when it was filed with the
     * ticket) one they may see too, so a customer never gets an internal note's file.
     */
    public static boolean canSee(
            Actor actor, Attachment attachment, Optional<TicketState> ticket, Optional<Message> message) {
        if (!actor.tenant().equals(attachment.tenant())) {
            return false;
        }
        if (attachment.link().isEmpty()) {
            return attachment.uploadedBy(actor);
        }
        var link = attachment.link().get();
        if (ticket.isEmpty() || !ticket.get().id().equals(link.ticket()) || !canSee(actor, ticket.get())) {
            return false;
        }
        if (link.message().isEmpty()) {
            return true;
        }
        return message.filter(
                        m -> m.id().equals(link.message().get()) && m.ticket().equals(link.ticket()))
                .map(m -> canSee(actor, m))
                .orElse(false);
    }

    /**
     * The attachments of one ticket the actor may see, given the ticket's whole conversation: staff see all of them,
     * customers those filed with the ticket and those of messages they may see.
     */
    public static List<Attachment> visibleAttachments(
            Actor actor, List<Message> messages, List<Attachment> attachments) {
        return attachments.stream()
                .filter(a -> a.tenant().equals(actor.tenant()) && a.isLinked())
                .filter(a ->
                        a.filedWithTicket() || messages.stream().anyMatch(m -> a.belongsTo(m.id()) && canSee(actor, m)))
                .collect(Collectors.toList());
    }

    /**
     * The customer's view of a ticket they may see; counts and times cover only the messages they can see, and only
     * the attachments of those messages (and those filed with the ticket) come with it. It names no related article:
     * {@link #customerView(CustomerActor, TicketState, String, List, List, Set)} is for callers who know which articles
     * are published.
     */
    public static CustomerTicketView customerView(
            CustomerActor customer,
            TicketState ticket,
            String requesterName,
            List<Message> messages,
            List<Attachment> attachments) {
        return customerView(customer, ticket, requesterName, messages, attachments, Set.of());
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
            List<Attachment> attachments,
            Set<ArticleId> publishedArticles) {
        List<CustomerMessageView> visible = visibleMessages(customer, messages).stream()
                .map(m -> customerView(m, attachments))
                .collect(Collectors.toList());
        Optional<Instant> lastMessageAt =
                visible.stream().map(CustomerMessageView::createdAt).max(Comparator.naturalOrder());
        List<AttachmentView> filed = attachments.stream()
                .filter(a -> a.filedWithTicket() && a.link().get().ticket().equals(ticket.id()))
                .map(AttachmentView::of)
                .collect(Collectors.toList());
        return view(customer, ticket, requesterName, visible.size(), lastMessageAt, visible, filed, publishedArticles);
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
        return view(
                customer,
                ticket,
                requesterName,
                visibleMessages,
                lastVisibleAt,
                List.of(),
                List.of(),
                publishedArticles);
    }

    private static CustomerTicketView view(
            CustomerActor customer,
            TicketState ticket,
            String requesterName,
            int messagesCount,
            Optional<Instant> lastMessageAt,
            List<CustomerMessageView> messages,
            List<AttachmentView> attachments,
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
                attachments,
                ticket.feedback(),
                ticket.relatedArticle().filter(publishedArticles::contains),
                ticket.mergedInto().map(MergedInto::ticket));
    }

    /**
     * The customer's view of one message they may see, with the files posted with it, picked from {@code attachments}
     * (those of its ticket, or of the message alone).
     */
    public static CustomerMessageView customerView(Message message, List<Attachment> attachments) {
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
                message.createdAt(),
                attachments.stream()
                        .filter(a -> a.belongsTo(message.id()))
                        .map(AttachmentView::of)
                        .collect(Collectors.toList()));
    }
}
