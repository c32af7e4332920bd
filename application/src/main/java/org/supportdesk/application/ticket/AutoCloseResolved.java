package org.supportdesk.application.ticket;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.SystemActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.TicketId;

/**
 * Closes a tenant's resolved tickets that waited the auto-close delay without a customer reply (§4). Each ticket
 * closes in its own transaction, so one that changed meanwhile is skipped until the next run and never blocks the
 * others; running it twice closes nothing the second time.
 */
public final class AutoCloseResolved {
    public record Command(TenantId tenant, int batchSize) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive");
            }
        }
    }

    private final TicketChanges changes;
    private final TicketRepository tickets;
    private final TransactionRunner transactions;
    private final TenantConfiguration configuration;
    private final InstantSource clock;

    public AutoCloseResolved(
            TicketChanges changes,
            TicketRepository tickets,
            TransactionRunner transactions,
            TenantConfiguration configuration,
            InstantSource clock) {
        this.changes = changes;
        this.tickets = tickets;
        this.transactions = transactions;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** Answers how many tickets closed. */
    public int handle(Command command) {
        TenantId tenant = command.tenant();
        SystemActor system = new SystemActor(tenant);
        Candidates due = transactions.inTransaction(tenant, () -> {
            Duration delay = configuration.settings(tenant).autoCloseDelay();
            return new Candidates(
                    delay, tickets.resolvedAtOrBefore(tenant, clock.instant().minus(delay), command.batchSize()));
        });
        int closed = 0;
        for (TicketId id : due.tickets()) {
            try {
                if (changes.changeWithResult(
                                system,
                                id,
                                Optional.empty(),
                                (ticket, context) -> ticket.autoCloseIfDue(due.delay(), context))
                        .result()) {
                    closed++;
                }
            } catch (StaleTicket changedMeanwhile) {
                // Someone touched it since it was listed; the next run looks again.
            }
        }
        return closed;
    }

    private record Candidates(Duration delay, List<TicketId> tickets) {}
}
