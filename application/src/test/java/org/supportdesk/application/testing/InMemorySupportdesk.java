package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.List;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.idempotency.RunOnce;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.query.GetTicket;
import org.supportdesk.application.query.ListCustomerMessages;
import org.supportdesk.application.query.ListCustomerTickets;
import org.supportdesk.application.query.ListMessages;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.application.query.TicketHistory;
import org.supportdesk.application.sla.ChangeBusinessHours;
import org.supportdesk.application.sla.ChangeSlaPolicy;
import org.supportdesk.application.sla.ExplainSla;
import org.supportdesk.application.sla.ScanSlaBreaches;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.AutoCloseResolved;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.CloseOwnTicket;
import org.supportdesk.application.ticket.DeescalateTicket;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.FileTicketForCustomer;
import org.supportdesk.application.ticket.RestoreTicket;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.application.work.SlaClocks;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.testing.SequentialIds;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The whole core over in-memory ports, wired by hand as bootstrap wires the real one: for tests, and for embedders who
 * want Supportdesk without a database.
 */
public final class InMemorySupportdesk {
    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    public final SequentialIds ids = SequentialIds.startingAtOne();
    public final FixedCorrelationIds correlation = new FixedCorrelationIds();
    public final InMemoryPeople people = new InMemoryPeople();
    public final InMemoryTicketRepository tickets = new InMemoryTicketRepository(people);
    public final InMemoryTicketNumbers numbers = new InMemoryTicketNumbers();
    public final InMemoryTenantConfiguration configuration = new InMemoryTenantConfiguration();
    public final InMemoryJournal journal = new InMemoryJournal();
    public final RecordingOutbox outbox = new RecordingOutbox();
    public final InMemoryIdempotencyRecords idempotencyRecords = new InMemoryIdempotencyRecords();
    public final InMemorySlaSettings slaSettings = new InMemorySlaSettings();
    public final InMemoryTransactionRunner transactions =
            new InMemoryTransactionRunner(List.of(people, tickets, journal, outbox, idempotencyRecords, slaSettings));
    public final SlaClocks slaClocks = new SlaClocks(slaSettings, journal);
    public final TicketChanges changes =
            new TicketChanges(tickets, transactions, journal, slaClocks, outbox, ids, correlation, clock);

    public final FileTicket fileTicket = new FileTicket(changes, tickets, numbers, people, configuration, slaSettings);
    public final FileTicketForCustomer fileTicketForCustomer = new FileTicketForCustomer(
            changes, tickets, numbers, people, configuration, slaSettings, journal, correlation);
    public final ReplyToTicket replyToTicket = new ReplyToTicket(changes, configuration);
    public final AddInternalNote addInternalNote = new AddInternalNote(changes);
    public final ChangeTicketStatus changeTicketStatus = new ChangeTicketStatus(changes);
    public final AssignTicket assignTicket = new AssignTicket(changes, people);
    public final EscalateTicket escalateTicket = new EscalateTicket(changes);
    public final DeescalateTicket deescalateTicket = new DeescalateTicket(changes);
    public final UpdateTicket updateTicket = new UpdateTicket(changes, people, configuration);
    public final CloseOwnTicket closeOwnTicket = new CloseOwnTicket(changes);
    public final AutoCloseResolved autoCloseResolved =
            new AutoCloseResolved(changes, tickets, transactions, configuration, clock);
    public final DeleteTicket deleteTicket = new DeleteTicket(changes);
    public final RestoreTicket restoreTicket = new RestoreTicket(changes);
    public final GetTicket getTicket = new GetTicket(tickets, people, transactions);
    public final GetCustomerTicket getCustomerTicket = new GetCustomerTicket(tickets, people, transactions);
    public final ListTickets listTickets = new ListTickets(tickets, transactions);
    public final ListCustomerTickets listCustomerTickets = new ListCustomerTickets(tickets, transactions);
    public final ListMessages listMessages = new ListMessages(tickets, transactions);
    public final ListCustomerMessages listCustomerMessages = new ListCustomerMessages(tickets, transactions);
    public final TicketHistory ticketHistory = new TicketHistory(tickets, journal, transactions);
    public final RunOnce runOnce = new RunOnce(idempotencyRecords, transactions, clock);
    public final ExplainSla explainSla = new ExplainSla(tickets, slaClocks, transactions, clock);
    public final ScanSlaBreaches scanSlaBreaches =
            new ScanSlaBreaches(tickets, slaClocks, changes, transactions, clock);
    public final ChangeSlaPolicy changeSlaPolicy =
            new ChangeSlaPolicy(slaSettings, journal, transactions, ids, correlation, clock);
    public final ChangeBusinessHours changeBusinessHours =
            new ChangeBusinessHours(slaSettings, journal, transactions, ids, correlation, clock);

    /** Files as a customer and reads the ticket back as stored, for tests that look at every field. */
    public TicketState fileAndRead(FileTicket.Command command) {
        TicketId id = fileTicket.handle(command);
        return tickets.find(command.actor().tenant(), id).orElseThrow().state();
    }
}
