package org.supportdesk.bootstrap;

import java.time.InstantSource;
import org.supportdesk.adapter.http.admin.AdminUseCases;
import org.supportdesk.adapter.http.auth.SecureRandomSecrets;
import org.supportdesk.application.access.IdentifyActor;
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
import org.supportdesk.domain.port.CorrelationIds;
import org.supportdesk.domain.port.IdGenerator;

/** Every use case, built once over the stores, as {@code InMemorySupportdesk} builds them over in-memory ports. */
public record UseCases(
        IdentifyActor identifyActor,
        FileTicket fileTicket,
        FileTicketForCustomer fileTicketForCustomer,
        ReplyToTicket replyToTicket,
        AddInternalNote addInternalNote,
        ChangeTicketStatus changeTicketStatus,
        AssignTicket assignTicket,
        EscalateTicket escalateTicket,
        DeescalateTicket deescalateTicket,
        UpdateTicket updateTicket,
        CloseOwnTicket closeOwnTicket,
        DeleteTicket deleteTicket,
        RestoreTicket restoreTicket,
        GetTicket getTicket,
        GetCustomerTicket getCustomerTicket,
        ListTickets listTickets,
        ListCustomerTickets listCustomerTickets,
        ListMessages listMessages,
        ListCustomerMessages listCustomerMessages,
        TicketHistory ticketHistory,
        ExplainSla explainSla,
        RunOnce runOnce,
        AutoCloseResolved autoCloseResolved,
        ScanSlaBreaches scanSlaBreaches,
        SignIn signIn,
        IdentifyApiToken identifyApiToken,
        ShowCustomerProfile showCustomerProfile,
        AdminUseCases admin) {

    static UseCases over(Stores s, IdGenerator ids, CorrelationIds correlation, InstantSource clock) {
        SlaClocks slaClocks = new SlaClocks(s.slaSettings(), s.journal());
        AdminWork adminWork = new AdminWork(s.transactions(), s.journal(), ids, correlation, clock);
        ChangeSlaPolicy changeSlaPolicy = new ChangeSlaPolicy(s.slaSettings(), adminWork);
        ChangeBusinessHours changeBusinessHours = new ChangeBusinessHours(s.slaSettings(), adminWork);
        TicketChanges changes = new TicketChanges(
                s.tickets(), s.transactions(), s.journal(), slaClocks, s.outbox(), ids, correlation, clock);
        return new UseCases(
                new IdentifyActor(s.people(), s.transactions()),
                new FileTicket(changes, s.tickets(), s.numbers(), s.people(), s.configuration(), s.slaSettings()),
                new FileTicketForCustomer(
                        changes,
                        s.tickets(),
                        s.numbers(),
                        s.people(),
                        s.configuration(),
                        s.slaSettings(),
                        s.journal(),
                        correlation),
                new ReplyToTicket(changes, s.configuration()),
                new AddInternalNote(changes),
                new ChangeTicketStatus(changes),
                new AssignTicket(changes, s.people()),
                new EscalateTicket(changes),
                new DeescalateTicket(changes),
                new UpdateTicket(changes, s.people(), s.configuration()),
                new CloseOwnTicket(changes),
                new DeleteTicket(changes),
                new RestoreTicket(changes),
                new GetTicket(s.tickets(), s.people(), s.transactions()),
                new GetCustomerTicket(s.tickets(), s.people(), s.transactions()),
                new ListTickets(s.ticketQueries(), s.transactions()),
                new ListCustomerTickets(s.ticketQueries(), s.transactions()),
                new ListMessages(s.tickets(), s.transactions()),
                new ListCustomerMessages(s.tickets(), s.transactions()),
                new TicketHistory(s.tickets(), s.journal(), s.transactions()),
                new ExplainSla(s.tickets(), slaClocks, s.transactions(), clock),
                new RunOnce(s.idempotencyRecords(), s.transactions(), clock),
                new AutoCloseResolved(changes, s.tickets(), s.transactions(), s.configuration(), clock),
                new ScanSlaBreaches(s.slaBreachCandidates(), slaClocks, changes, s.transactions(), clock),
                new SignIn(s.tenants(), s.people(), s.credentials(), s.passwordHashing(), s.transactions()),
                new IdentifyApiToken(s.apiTokens(), s.transactions()),
                new ShowCustomerProfile(s.people(), s.ticketQueries(), s.transactions()),
                admin(s, adminWork, changeSlaPolicy, changeBusinessHours));
    }

    private static AdminUseCases admin(
            Stores s, AdminWork work, ChangeSlaPolicy changeSlaPolicy, ChangeBusinessHours changeBusinessHours) {
        return new AdminUseCases(
                new AddPerson(work, s.people(), s.credentials(), s.passwordHashing()),
                new UpdatePerson(work, s.people()),
                new ListPeople(work, s.people()),
                new GetPerson(work, s.people()),
                new AddOrganization(work, s.people()),
                new UpdateOrganization(work, s.people()),
                new ListOrganizations(work, s.people()),
                new GetOrganization(work, s.people()),
                new ShowConfiguration(s.configuration(), s.slaSettings(), s.transactions()),
                new ChangeSettings(work, s.configuration()),
                new ReplaceCategories(work, s.configuration(), s.tickets()),
                changeSlaPolicy,
                changeBusinessHours,
                new CreateApiToken(work, s.apiTokens(), s.people(), new SecureRandomSecrets()),
                new ListApiTokens(work, s.apiTokens()),
                new RevokeApiToken(work, s.apiTokens()));
    }
}
