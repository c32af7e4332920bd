package org.supportdesk.application.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.supportdesk.domain.port.SecretSource;
import org.supportdesk.domain.port.StreamTickets;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Author;

/**
 * Issues a stream ticket (§16 {@code POST /events/stream-tickets}): a browser's {@code EventSource} cannot send an
 * {@code Authorization} header, and a bearer token must never travel in a URL, so the signed-in caller trades theirs
 * for a ticket that opens one stream, once, within {@link #LIFETIME}, as them.
 */
public final class IssueStreamTicket {
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    public record Command(Actor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The ticket's text, shown once, and when it stops working. */
    public record Issued(String ticket, Instant expiresAt) {}

    private final StreamTickets tickets;
    private final SecretSource random;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public IssueStreamTicket(
            StreamTickets tickets, SecretSource random, TransactionRunner transactions, InstantSource clock) {
        this.tickets = tickets;
        this.random = random;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Issued handle(Command command) {
        Actor actor = command.actor();
        Author holder = actor.asAuthor();
        StreamTickets.Holder who = new StreamTickets.Holder(
                holder.id().orElseThrow(() -> new IllegalArgumentException("the system opens no stream")),
                holder.role().orElseThrow());
        StreamTicketCodec ticket =
                StreamTicketCodec.fresh(actor.tenant(), random.randomBytes(StreamTicketCodec.SECRET_BYTES));
        Instant expiresAt = clock.instant().plus(LIFETIME).truncatedTo(ChronoUnit.MICROS);
        transactions.inTransaction(actor.tenant(), () -> {
            tickets.add(actor.tenant(), ticket.digest(), who, expiresAt);
            return null;
        });
        return new Issued(ticket.text(), expiresAt);
    }
}
