package org.supportdesk.bootstrap;

import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.SlaBreachCandidates;
import org.supportdesk.domain.port.TicketQueries;

/**
 * The PostgreSQL adapters this branch wires from outside because adapter-persistence does not have them yet: the
 * ticket lists ({@code TicketQueries}) and the SLA breach candidates. {@link #NONE} stands in until they land; then
 * {@code new PendingAdapters(JdbiTicketQueries::new, jdbi -> Optional.of(new JdbiSlaBreachCandidates(jdbi)::dueAtOrBefore))}.
 *
 * @param slaBreachCandidates empty: the background breach scan does not run
 */
public record PendingAdapters(
        Function<Jdbi, TicketQueries> ticketQueries,
        Function<Jdbi, Optional<SlaBreachCandidates>> slaBreachCandidates) {

    /** No ticket lists (they answer 500 naming the missing adapter) and no breach scan. */
    public static final PendingAdapters NONE = new PendingAdapters(
            jdbi -> (tenant, filter, sort, page) -> {
                throw new UnsupportedOperationException(
                        "ticket lists need a PostgreSQL TicketQueries adapter, which this build does not wire yet");
            },
            jdbi -> Optional.empty());
}
