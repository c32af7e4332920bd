package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantId;

/**
 * One entry of a ticket's conversation, never edited in place. {@code customerVisible} is true for public replies,
 * false for internal notes, and chosen per system message (status changes are public, assignments are not).
 */
public record Message(
        MessageId id,
        TenantId tenant,
        TicketId ticket,
        Author author,
        MessageKind kind,
        boolean customerVisible,
        Body body,
        Via via,
        boolean resolution,
        Instant createdAt) {

    /** §5: oldest first, ties broken by id. */
    public static final Comparator<Message> CONVERSATION_ORDER =
            Comparator.comparing(Message::createdAt).thenComparing(Message::id);

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kind == MessageKind.PUBLIC && !customerVisible || kind == MessageKind.INTERNAL && customerVisible) {
            throw new IllegalArgumentException("public messages are visible to customers, internal ones are not");
        }
        if ((kind == MessageKind.SYSTEM) != author.isSystem()) {
            throw new IllegalArgumentException("system messages, and only they, are written by the system");
        }
        if (kind == MessageKind.INTERNAL && !author.isStaff()) {
            throw new IllegalArgumentException("only staff write internal notes");
        }
        if (resolution && (kind != MessageKind.PUBLIC || !author.isStaff())) {
            throw new IllegalArgumentException("only a public staff reply can mark the resolution");
        }
    }
}
