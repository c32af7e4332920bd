package org.supportdesk.application.testing;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.supportdesk.application.access.IdentifyApiToken;
import org.supportdesk.application.access.SignIn;
import org.supportdesk.application.admin.AddOrganization;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.application.admin.ChangeSettings;
import org.supportdesk.application.admin.CreateApiToken;
import org.supportdesk.application.admin.GetOrganization;
import org.supportdesk.application.admin.GetPerson;
import org.supportdesk.application.admin.ListApiTokens;
import org.supportdesk.application.admin.ListOrganizations;
import org.supportdesk.application.admin.ListPeople;
import org.supportdesk.application.admin.ReplaceCategories;
import org.supportdesk.application.admin.RevokeApiToken;
import org.supportdesk.application.admin.ShowConfiguration;
import org.supportdesk.application.admin.UpdateOrganization;
import org.supportdesk.application.admin.UpdatePerson;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.idempotency.RunOnce;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.query.GetTicket;
import org.supportdesk.application.query.ListCustomerMessages;
import org.supportdesk.application.query.ListCustomerTickets;
import org.supportdesk.application.query.ListMessages;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.application.query.ShowCustomerProfile;
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
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.application.work.SlaClocks;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.SecretSource;
import org.supportdesk.domain.testing.SequentialIds;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The whole core over in-memory ports, wired by hand as bootstrap wires the real one: for tests, and for embedders who
 * want Supportdesk without a database.
 */
public final class InMemorySupportdesk {
    private static final SecureRandom RANDOM = new SecureRandom();

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
    public final InMemoryTenants tenants = new InMemoryTenants();
    public final InMemoryCredentials credentials = new InMemoryCredentials(people);
    public final InMemoryApiTokens apiTokens = new InMemoryApiTokens();
    public final FakePasswordHashing passwordHashing = new FakePasswordHashing();
    public final SecretSource secrets = count -> {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    };
    public final InMemoryTransactionRunner transactions = new InMemoryTransactionRunner(List.of(
            people, tickets, journal, outbox, idempotencyRecords, slaSettings, configuration, credentials, apiTokens));
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
    public final AdminWork adminWork = new AdminWork(transactions, journal, ids, correlation, clock);
    public final ChangeSlaPolicy changeSlaPolicy = new ChangeSlaPolicy(slaSettings, adminWork);
    public final ChangeBusinessHours changeBusinessHours = new ChangeBusinessHours(slaSettings, adminWork);

    public final SignIn signIn = new SignIn(tenants, people, credentials, passwordHashing, transactions);
    public final IdentifyApiToken identifyApiToken = new IdentifyApiToken(apiTokens, transactions);
    public final AddPerson addPerson = new AddPerson(adminWork, people, credentials, passwordHashing);
    public final UpdatePerson updatePerson = new UpdatePerson(adminWork, people);
    public final ListPeople listPeople = new ListPeople(adminWork, people);
    public final GetPerson getPerson = new GetPerson(adminWork, people);
    public final AddOrganization addOrganization = new AddOrganization(adminWork, people);
    public final UpdateOrganization updateOrganization = new UpdateOrganization(adminWork, people);
    public final ListOrganizations listOrganizations = new ListOrganizations(adminWork, people);
    public final GetOrganization getOrganization = new GetOrganization(adminWork, people);
    public final ShowConfiguration showConfiguration = new ShowConfiguration(configuration, slaSettings, transactions);
    public final ChangeSettings changeSettings = new ChangeSettings(adminWork, configuration);
    public final ReplaceCategories replaceCategories = new ReplaceCategories(adminWork, configuration, tickets);
    public final CreateApiToken createApiToken = new CreateApiToken(adminWork, apiTokens, people, secrets);
    public final ListApiTokens listApiTokens = new ListApiTokens(adminWork, apiTokens);
    public final RevokeApiToken revokeApiToken = new RevokeApiToken(adminWork, apiTokens);
    public final ShowCustomerProfile showCustomerProfile = new ShowCustomerProfile(people, tickets, transactions);

    /** Files as a customer and reads the ticket back as stored, for tests that look at every field. */
    public TicketState fileAndRead(FileTicket.Command command) {
        TicketId id = fileTicket.handle(command);
        return tickets.find(command.actor().tenant(), id).orElseThrow().state();
    }
}
