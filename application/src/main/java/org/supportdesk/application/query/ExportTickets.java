package org.supportdesk.application.query;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketExportRow;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An admin exports the tickets the desk list's filters select, in its order (§10 export). The rows go to a
 * {@link Sink} one at a time inside the export's transaction, as the store reads them, so an export of any size runs
 * in constant memory; how they are written (CSV over HTTP, a file) is the caller's business.
 */
public final class ExportTickets {
    public record Command(StaffActor actor, TicketSelection selection, TicketSort sort) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(sort, "sort");
        }
    }

    /** Where the exported rows go; called on the caller's thread inside the export's transaction. */
    public interface Sink {
        /** Once, before any row: the instant the export reads the tickets as of. */
        void begin(Instant asOf);

        /** Each ticket, in order. */
        void row(TicketExportRow row);
    }

    private final TicketQueries queries;
    private final People people;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public ExportTickets(TicketQueries queries, People people, TransactionRunner transactions, InstantSource clock) {
        this.queries = queries;
        this.people = people;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void handle(Command command, Sink sink) {
        if (!command.actor().isAdmin()) {
            throw new Forbidden("only admins export tickets");
        }
        var tenant = command.actor().tenant();
        transactions.inTransaction(tenant, () -> {
            var filter = command.selection().resolve(people, tenant);
            sink.begin(clock.instant());
            filter.ifPresent(f -> queries.export(tenant, f, command.sort(), sink::row));
            return null;
        });
    }
}
