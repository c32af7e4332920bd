package org.supportdesk.adapter.persistence;

import java.time.InstantSource;
import java.util.Optional;
import org.supportdesk.application.Ports;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.testing.FakePasswordHashing;
import org.supportdesk.application.testing.FixedCorrelationIds;
import org.supportdesk.application.testing.InMemorySupportdesk;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.SlaTimes;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The core over either the PostgreSQL stores or the in-memory ones, so the list tests can apply the same actions to
 * both and compare what {@link TicketQueries} answers.
 */
record Desk(Ports ports, UseCases useCases) {

    /** The core over the PostgreSQL stores of {@code database}. */
    static Desk overPostgres(TestDatabase database, IdGenerator ids, InstantSource clock) {
        Ports ports = JdbiStores.over(database.jdbi(), clock)
                .ports(new FakePasswordHashing(), new SecureRandomSecrets(), TestDatabase.attachmentFiles());
        return new Desk(ports, UseCases.over(ports, ids, new FixedCorrelationIds(), clock));
    }

    /** The core over the in-memory stores, the reference semantics of {@link TicketQueries}. */
    static Desk inMemory(InMemorySupportdesk core) {
        return new Desk(core.ports, core.useCases);
    }

    UseCases.Desk desk() {
        return useCases.desk();
    }

    TicketQueries queries() {
        return ports.ticketQueries();
    }

    /** Files as a customer and reads the ticket back as stored. */
    TicketState file(FileTicket.Command command) {
        TicketId id = useCases.portal().fileTicket().handle(command).id();
        return ports.transactions().inTransaction(command.actor().tenant(), () -> ports.tickets()
                .find(command.actor().tenant(), id)
                .orElseThrow()
                .state());
    }

    /**
     * Overwrites a ticket's cached SLA times, as the SLA engine will; no use case sets them yet. The version stays,
     * like a cache refresh.
     */
    void setSla(TenantId tenant, TicketId id, SlaTimes sla) {
        ports.transactions().inTransaction(tenant, () -> {
            TicketState s = ports.tickets().find(tenant, id).orElseThrow().state();
            ports.tickets()
                    .save(Ticket.restore(new TicketState(
                            s.id(),
                            s.tenant(),
                            s.number(),
                            s.subject(),
                            s.description(),
                            s.category(),
                            s.priority(),
                            s.status(),
                            s.requester(),
                            s.organization(),
                            s.assignee(),
                            s.assignedAt(),
                            s.tags(),
                            s.source(),
                            s.context(),
                            s.customFields(),
                            s.followUpOf(),
                            s.relatedArticle(),
                            s.escalation(),
                            sla,
                            s.feedback(),
                            s.createdAt(),
                            s.updatedAt(),
                            s.customerUpdatedAt(),
                            s.lastMessageAt(),
                            s.messagesCount(),
                            s.deletedAt(),
                            s.mergedInto(),
                            s.version())));
            return Optional.empty();
        });
    }
}
