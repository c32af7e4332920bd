package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.privacy.Erasure;
import org.supportdesk.domain.privacy.Pseudonym;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * Erasure of personal data wherever the tenant keeps it (§16 privacy): redacted in place, never deleted, so every row
 * that a count, an SLA figure or a rating is made of stays. What a redaction writes is {@link Pseudonym#ERASED}, or the
 * person's {@link Pseudonym}; journal entries it redacts are marked with the erasure's own entry, so the chain still
 * verifies. Acts inside the caller's transaction of {@code tenant}.
 */
public interface PersonalData {
    /**
     * Erases {@code person}: their profile becomes {@code pseudonym} and can no longer sign in, every ticket they
     * requested is erased as by {@link #eraseExpiredTicket}, and so is whatever they wrote or were sent elsewhere (messages,
     * uploads, call-back requests, in-app notifications, Telegram chats, received mail, deliveries, cached responses).
     */
    Erasure erasePerson(TenantId tenant, UserId person, Pseudonym pseudonym, UUID erasureEntry);

    /**
     * Erases what {@code ticket} says, if it is still one {@link #expiredBefore} finds for {@code cutoff} (checked under
     * a lock on it): subject, description, portal context, custom fields, feedback comment, every message body, its
     * files' names and contents, its notifications' titles, its change events, journal entries and deliveries. Its
     * status, times, clocks, counts and rating stay. Empty, and nothing changes, when it is not (erased already by
     * another instance's run, say, or unmerged meanwhile) or there is no such ticket.
     */
    Optional<Erasure> eraseExpiredTicket(TenantId tenant, TicketId ticket, Instant cutoff, UUID erasureEntry);

    /**
     * Up to {@code limit} tickets whose content the retention rule erases at {@code cutoff}, oldest first: closed before
     * it, not erased yet, and, when merged, into a ticket itself closed before it, because a merged ticket's messages
     * are read in the conversation of the ticket it went into (§16).
     */
    List<TicketId> expiredBefore(TenantId tenant, Instant cutoff, int limit);
}
