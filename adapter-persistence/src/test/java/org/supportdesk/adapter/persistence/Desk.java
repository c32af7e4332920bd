package org.supportdesk.adapter.persistence;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.testing.FixedCorrelationIds;
import org.supportdesk.application.testing.InMemoryJournal;
import org.supportdesk.application.testing.InMemoryPeople;
import org.supportdesk.application.testing.InMemorySlaSettings;
import org.supportdesk.application.testing.InMemoryTenantConfiguration;
import org.supportdesk.application.testing.InMemoryTicketNumbers;
import org.supportdesk.application.testing.InMemoryTicketRepository;
import org.supportdesk.application.testing.InMemoryTransactionRunner;
import org.supportdesk.application.testing.RecordingOutbox;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.application.work.SlaClocks;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.Outbox;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TicketNumbers;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.SlaTimes;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The use cases the list tests drive, wired by hand over either the PostgreSQL stores or the in-memory ones, so the
 * same actions can be applied to both. The one place to rewire when the application's ports move.
 */
final class Desk {
    final TicketRepository tickets;
    final TicketQueries queries;
    final TransactionRunner transactions;
    final FileTicket fileTicket;
    final ReplyToTicket reply;
    final AddInternalNote note;
    final AssignTicket assign;
    final EscalateTicket escalate;
    final ChangeTicketStatus changeStatus;
    final UpdateTicket update;
    final DeleteTicket delete;

    private Desk(
            TicketRepository tickets,
            TicketQueries queries,
            TicketNumbers numbers,
            People people,
            TenantConfiguration configuration,
            SlaSettings slaSettings,
            Journal journal,
            Outbox outbox,
            TransactionRunner transactions,
            IdGenerator ids,
            InstantSource clock) {
        this.tickets = tickets;
        this.queries = queries;
        this.transactions = transactions;
        TicketChanges changes = new TicketChanges(
                tickets,
                transactions,
                journal,
                new SlaClocks(slaSettings, journal),
                outbox,
                ids,
                new FixedCorrelationIds(),
                clock);
        fileTicket = new FileTicket(changes, tickets, numbers, people, configuration, slaSettings);
        reply = new ReplyToTicket(changes, configuration);
        note = new AddInternalNote(changes);
        assign = new AssignTicket(changes, people);
        escalate = new EscalateTicket(changes);
        changeStatus = new ChangeTicketStatus(changes);
        update = new UpdateTicket(changes, people, configuration);
        delete = new DeleteTicket(changes);
    }

    /** Files as a customer and reads the ticket back as stored. */
    TicketState file(FileTicket.Command command) {
        TicketId id = fileTicket.handle(command);
        return transactions.inTransaction(
                command.actor().tenant(),
                () -> tickets.find(command.actor().tenant(), id).orElseThrow().state());
    }

    /** The use cases over the PostgreSQL stores of {@code database}; people go in through {@code people}. */
    static Desk overPostgres(TestDatabase database, JdbiPeople people, IdGenerator ids, InstantSource clock) {
        var jdbi = database.jdbi();
        return new Desk(
                new JdbiTicketRepository(jdbi),
                new JdbiTicketQueries(jdbi),
                new JdbiTicketNumbers(jdbi),
                people,
                new JdbiTenantConfiguration(jdbi),
                new JdbiSlaSettings(jdbi, clock),
                new JdbiJournal(jdbi),
                new JdbiOutbox(jdbi),
                database.transactions(),
                ids,
                clock);
    }

    /** The use cases over the in-memory stores, the reference semantics of {@link TicketQueries}. */
    static Desk inMemory(InMemoryPeople people, IdGenerator ids, InstantSource clock) {
        InMemoryTicketRepository tickets = new InMemoryTicketRepository(people);
        InMemoryJournal journal = new InMemoryJournal();
        RecordingOutbox outbox = new RecordingOutbox();
        InMemorySlaSettings slaSettings = new InMemorySlaSettings();
        return new Desk(
                tickets,
                tickets,
                new InMemoryTicketNumbers(),
                people,
                new InMemoryTenantConfiguration(),
                slaSettings,
                journal,
                outbox,
                new InMemoryTransactionRunner(List.of(people, tickets, journal, outbox, slaSettings)),
                ids,
                clock);
    }

    /**
     * Overwrites a ticket's cached SLA times, as the SLA engine will; no use case sets them yet. The version stays,
     * like a cache refresh.
     */
    void setSla(TenantId tenant, TicketId id, SlaTimes sla) {
        transactions.inTransaction(tenant, () -> {
            TicketState s = tickets.find(tenant, id).orElseThrow().state();
            tickets.save(Ticket.restore(new TicketState(
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
                    s.escalation(),
                    sla,
                    s.createdAt(),
                    s.updatedAt(),
                    s.lastMessageAt(),
                    s.messagesCount(),
                    s.deletedAt(),
                    s.version())));
            return Optional.empty();
        });
    }
}
