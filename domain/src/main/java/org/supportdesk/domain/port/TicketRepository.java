package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/**
 * Storage of ticket aggregates and their conversations. Every method is scoped to one tenant: a ticket of another
 * tenant is never found, whatever id or number is asked for. Every method is called inside a transaction of the tenant
 * it names, and joins it ({@link TransactionRunner}).
 */
public interface TicketRepository {
    /**
     * The live (not soft-deleted) ticket of {@code tenant} with that id or number.
     *
     * @return empty when there is none in this tenant, or it is soft-deleted
     */
    Optional<Ticket> find(TenantId tenant, TicketRef ticket);

    /** Like {@link #find} but also finds a soft-deleted ticket; for restore only. */
    Optional<Ticket> findIncludingDeleted(TenantId tenant, TicketRef ticket);

    /**
     * Stores the ticket and the messages it posted in this unit of work: inserts a {@link Ticket#isNew() new} ticket,
     * otherwise updates it only if the stored version is still {@link Ticket#persistedVersion()}.
     *
     * @throws StaleTicket when another writer changed the ticket since it was read; nothing is written then
     */
    void save(Ticket ticket);

    /**
     * Holds the ticket of {@code tenant} against other writers until the surrounding transaction ends: their saves
     * wait for it. A change made without If-Match takes it after being overtaken once, so that its next try cannot be
     * overtaken again; an unknown ticket holds nothing.
     */
    void lock(TenantId tenant, TicketId ticket);

    /** The whole conversation of a ticket of {@code tenant}, in conversation order; empty for an unknown ticket. */
    List<Message> messagesOf(TenantId tenant, TicketId ticket);

    /**
     * The conversation people read of a ticket of {@code tenant} (§16): its own messages and those of the live tickets
     * merged into it, in conversation order; one read, since a ticket rarely has another merged into it.
     */
    List<Message> conversationOf(TenantId tenant, TicketId ticket);

    /** The live tickets of {@code tenant} merged into {@code target} (§16), oldest first. */
    List<TicketState> mergedInto(TenantId tenant, TicketId target);

    /**
     * Moves {@code messages} of {@code tenant} to the ticket {@code to} as they are (ids, authors, times, search), for
     * a split; the tickets' own counts are the caller's to save.
     */
    void moveMessages(TenantId tenant, List<MessageId> messages, TicketId to);

    /**
     * Resolved tickets of {@code tenant} whose {@code resolved_at} is at or before {@code resolvedAtOrBefore}, the
     * candidates for auto-close, oldest first, at most {@code limit}.
     */
    List<TicketId> resolvedAtOrBefore(TenantId tenant, Instant resolvedAtOrBefore, int limit);

    /** The categories some ticket of {@code tenant} has, soft-deleted tickets included, since they can come back. */
    Set<Category> categoriesInUse(TenantId tenant);

    /**
     * Whether some ticket of {@code tenant} names {@code article} as its related article, soft-deleted tickets
     * included, since they can come back.
     */
    boolean relatesToArticle(TenantId tenant, ArticleId article);
}
