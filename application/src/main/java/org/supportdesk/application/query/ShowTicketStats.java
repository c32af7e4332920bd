package org.supportdesk.application.query;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.StatsWindow;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketStats;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Staff read the figures of the tickets the desk list's filters select, created within a window that defaults to the
 * last 30 days (§10 stats). The figures come from {@link TicketQueries#stats}, which matches exactly as the list does.
 */
public final class ShowTicketStats {
    /** {@code from} and {@code to} bound the creation time; absent, the window is the 30 days up to now. */
    public record Command(StaffActor actor, TicketSelection selection, Optional<Instant> from, Optional<Instant> to) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    private final TicketQueries queries;
    private final People people;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public ShowTicketStats(TicketQueries queries, People people, TransactionRunner transactions, InstantSource clock) {
        this.queries = queries;
        this.people = people;
        this.transactions = transactions;
        this.clock = clock;
    }

    public TicketStats handle(Command command) {
        StatsWindow window = StatsWindow.of(command.from(), command.to(), clock.instant());
        var tenant = command.actor().tenant();
        return transactions.inTransaction(tenant, () -> command.selection()
                .resolve(people, tenant)
                .map(filter -> queries.stats(tenant, filter, window))
                .orElseGet(() -> TicketStats.none(window)));
    }
}
