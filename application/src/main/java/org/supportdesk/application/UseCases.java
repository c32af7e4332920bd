package org.supportdesk.application;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.supportdesk.application.access.IdentifyActor;
import org.supportdesk.application.access.IdentifyApiToken;
import org.supportdesk.application.access.SignIn;
import org.supportdesk.application.admin.AddOrganization;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.application.admin.ChangeSettings;
import org.supportdesk.application.admin.CreateApiToken;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.application.admin.ExportCustomerData;
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
import org.supportdesk.application.attachment.AttachmentLinks;
import org.supportdesk.application.attachment.DownloadAttachment;
import org.supportdesk.application.attachment.PurgeUnlinkedUploads;
import org.supportdesk.application.attachment.UnusedContent;
import org.supportdesk.application.attachment.UploadAttachment;
import org.supportdesk.application.call.GetCall;
import org.supportdesk.application.call.ListCalls;
import org.supportdesk.application.call.ListOwnCalls;
import org.supportdesk.application.call.RequestCallBack;
import org.supportdesk.application.call.UpdateCall;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyAsCustomer;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.feed.IssueStreamTicket;
import org.supportdesk.application.feed.PurgeOldChanges;
import org.supportdesk.application.feed.ReadChanges;
import org.supportdesk.application.feed.RedeemStreamTicket;
import org.supportdesk.application.idempotency.ForgetExpiredKeys;
import org.supportdesk.application.idempotency.RunOnce;
import org.supportdesk.application.inbound.AuthenticateMailHook;
import org.supportdesk.application.inbound.ConfigureEmailChannel;
import org.supportdesk.application.inbound.PollMailbox;
import org.supportdesk.application.inbound.ReceiveEmail;
import org.supportdesk.application.inbound.RemoveEmailChannel;
import org.supportdesk.application.inbound.RotateInboundSecret;
import org.supportdesk.application.inbound.ShowEmailChannel;
import org.supportdesk.application.kb.CreateArticle;
import org.supportdesk.application.kb.DeleteArticle;
import org.supportdesk.application.kb.GetArticle;
import org.supportdesk.application.kb.ListArticles;
import org.supportdesk.application.kb.ReadArticle;
import org.supportdesk.application.kb.SearchArticles;
import org.supportdesk.application.kb.SuggestArticles;
import org.supportdesk.application.kb.UpdateArticle;
import org.supportdesk.application.notify.ChannelOptions;
import org.supportdesk.application.notify.DispatchOutbox;
import org.supportdesk.application.notify.EmailChannel;
import org.supportdesk.application.notify.InAppNotifications;
import org.supportdesk.application.notify.ListNotifications;
import org.supportdesk.application.notify.PurgeDeliveries;
import org.supportdesk.application.notify.PurgeOldNotifications;
import org.supportdesk.application.notify.ReadAllNotifications;
import org.supportdesk.application.notify.ReadNotification;
import org.supportdesk.application.notify.WebhookChannel;
import org.supportdesk.application.privacy.EraseExpiredTickets;
import org.supportdesk.application.privacy.ErasePerson;
import org.supportdesk.application.query.ExportTickets;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.query.GetTicket;
import org.supportdesk.application.query.ListCategories;
import org.supportdesk.application.query.ListCustomerMessages;
import org.supportdesk.application.query.ListCustomerTickets;
import org.supportdesk.application.query.ListMessages;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.application.query.ShowAuditLog;
import org.supportdesk.application.query.ShowCustomerProfile;
import org.supportdesk.application.query.ShowTicketStats;
import org.supportdesk.application.query.TicketHistory;
import org.supportdesk.application.query.VerifyJournal;
import org.supportdesk.application.sla.ChangeBusinessHours;
import org.supportdesk.application.sla.ChangeSlaPolicy;
import org.supportdesk.application.sla.ExplainSla;
import org.supportdesk.application.sla.ScanSlaBreaches;
import org.supportdesk.application.telegram.ConfigureTelegram;
import org.supportdesk.application.telegram.ReceiveTelegramUpdate;
import org.supportdesk.application.telegram.RemoveTelegram;
import org.supportdesk.application.telegram.ShowTelegram;
import org.supportdesk.application.telegram.TelegramChannel;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.AutoCloseResolved;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.CloseOwnTicket;
import org.supportdesk.application.ticket.DeescalateTicket;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.FileTicketForCustomer;
import org.supportdesk.application.ticket.FileTicketFromChannel;
import org.supportdesk.application.ticket.GiveFeedback;
import org.supportdesk.application.ticket.MergeTicket;
import org.supportdesk.application.ticket.RestoreTicket;
import org.supportdesk.application.ticket.SplitTicket;
import org.supportdesk.application.ticket.UnmergeTicket;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.application.webhook.CreateWebhook;
import org.supportdesk.application.webhook.DeleteWebhook;
import org.supportdesk.application.webhook.ListDeliveries;
import org.supportdesk.application.webhook.RetryDelivery;
import org.supportdesk.application.webhook.ShowWebhooks;
import org.supportdesk.application.webhook.UpdateWebhook;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.application.work.CustomerViews;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.application.work.TicketSlaClocks;
import org.supportdesk.domain.port.CorrelationIds;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.NotificationChannel;

/**
 * The whole core, wired once: every use case built over one {@link Ports}, grouped by who drives it. This is the only
 * place a use case is constructed (an ArchUnit rule keeps it so), for the server, every test harness and embedders
 * alike; adding a use case is one component and one constructor call here.
 *
 * @param createTenant what an operator runs to add a tenant with its defaults and first admin
 * @param changes the unit of work of every ticket change, for an embedder's own ticket use cases
 * @param runOnce replays the first answer to a repeated creating request ({@code Idempotency-Key})
 */
public record UseCases(
        Portal portal,
        Desk desk,
        Admin admin,
        Access access,
        Scheduled scheduled,
        CreateTenant createTenant,
        RunOnce runOnce,
        TicketChanges changes,
        Channels channels,
        EmailIn emailIn,
        Live live) {

    /** What customers do: their tickets, their conversation, their profile (§9). */
    public record Portal(
            ListCustomerTickets listTickets,
            FileTicket fileTicket,
            GetCustomerTicket getTicket,
            ListCustomerMessages listMessages,
            ReplyAsCustomer reply,
            CloseOwnTicket closeOwnTicket,
            ShowCustomerProfile showProfile,
            ListCategories listCategories,
            UploadAttachment uploadAttachment,
            DownloadAttachment downloadAttachment,
            GiveFeedback giveFeedback,
            SearchArticles searchArticles,
            ReadArticle readArticle,
            SuggestArticles suggestArticles,
            RequestCallBack requestCallBack,
            ListOwnCalls listOwnCalls,
            ListNotifications listNotifications,
            ReadNotification readNotification,
            ReadAllNotifications readAllNotifications) {}

    /** What agents and admins do with tickets (§10). */
    public record Desk(
            ListTickets listTickets,
            FileTicketForCustomer fileTicketForCustomer,
            SplitTicket splitTicket,
            MergeTicket mergeTicket,
            UnmergeTicket unmergeTicket,
            GetTicket getTicket,
            UpdateTicket updateTicket,
            ChangeTicketStatus changeTicketStatus,
            DeleteTicket deleteTicket,
            RestoreTicket restoreTicket,
            ListMessages listMessages,
            ReplyToTicket replyToTicket,
            AddInternalNote addInternalNote,
            AssignTicket assignTicket,
            EscalateTicket escalateTicket,
            DeescalateTicket deescalateTicket,
            ExplainSla explainSla,
            TicketHistory ticketHistory,
            UploadAttachment uploadAttachment,
            DownloadAttachment downloadAttachment,
            ShowTicketStats showTicketStats,
            CreateArticle createArticle,
            ListArticles listArticles,
            GetArticle getArticle,
            UpdateArticle updateArticle,
            DeleteArticle deleteArticle,
            ListCalls listCalls,
            GetCall getCall,
            UpdateCall updateCall,
            ListNotifications listNotifications,
            ReadNotification readNotification,
            ReadAllNotifications readAllNotifications) {}

    /** Running a tenant: people, organisations, configuration, SLA and API tokens (§10, §17). */
    public record Admin(
            AddPerson addPerson,
            UpdatePerson updatePerson,
            ListPeople listPeople,
            GetPerson getPerson,
            AddOrganization addOrganization,
            UpdateOrganization updateOrganization,
            ListOrganizations listOrganizations,
            GetOrganization getOrganization,
            ShowConfiguration showConfiguration,
            ChangeSettings changeSettings,
            ReplaceCategories replaceCategories,
            ChangeSlaPolicy changeSlaPolicy,
            ChangeBusinessHours changeBusinessHours,
            CreateApiToken createApiToken,
            ListApiTokens listApiTokens,
            RevokeApiToken revokeApiToken,
            ExportTickets exportTickets,
            ShowAuditLog showAuditLog,
            VerifyJournal verifyJournal,
            ExportCustomerData exportCustomerData,
            ErasePerson erasePerson) {}

    /** Who is calling: sign-in, and the actor behind a token (§12). */
    public record Access(SignIn signIn, IdentifyActor identifyActor, IdentifyApiToken identifyApiToken) {}

    /**
     * What runs on a schedule, per tenant (§4 auto-close, §7 breach scan, §6 unlinked uploads, key retention, §16
     * retention rule).
     */
    public record Scheduled(
            AutoCloseResolved autoCloseResolved,
            ScanSlaBreaches scanSlaBreaches,
            PurgeUnlinkedUploads purgeUnlinkedUploads,
            ForgetExpiredKeys forgetExpiredKeys,
            PurgeOldNotifications purgeOldNotifications,
            PurgeOldChanges purgeOldChanges,
            EraseExpiredTickets eraseExpiredTickets) {}

    /**
     * Notification channels (§13): webhook subscriptions, the tenant's Telegram bot and the outbox's deliveries
     * (admins), the updates Telegram sends (its inbound route), and the dispatcher and retention purge (the server's
     * outbox loop). A new channel is one {@code NotificationChannel} in the list below.
     */
    public record Channels(
            CreateWebhook createWebhook,
            ShowWebhooks showWebhooks,
            UpdateWebhook updateWebhook,
            DeleteWebhook deleteWebhook,
            ListDeliveries listDeliveries,
            RetryDelivery retryDelivery,
            ConfigureTelegram configureTelegram,
            ShowTelegram showTelegram,
            RemoveTelegram removeTelegram,
            ReceiveTelegramUpdate receiveTelegramUpdate,
            DispatchOutbox dispatchOutbox,
            PurgeDeliveries purgeDeliveries) {}

    /**
     * Inbound email (docs/notifications.md "Inbound email"): each tenant's channel settings and inbound secret (admins),
     * the hook's authentication, the use case every received mail goes through, and the IMAP poller's round.
     */
    public record EmailIn(
            ConfigureEmailChannel configureChannel,
            ShowEmailChannel showChannel,
            RemoveEmailChannel removeChannel,
            RotateInboundSecret rotateSecret,
            AuthenticateMailHook authenticateHook,
            ReceiveEmail receiveEmail,
            PollMailbox pollMailbox) {}

    /**
     * The change feed (§16): what staff and customers read after a cursor, and the stream tickets that open a live
     * stream from a browser.
     */
    public record Live(
            ReadChanges readChanges, IssueStreamTicket issueStreamTicket, RedeemStreamTicket redeemStreamTicket) {}

    /** Builds every use case over {@code ports}, with ids, correlation and time from outside, and no email channel. */
    public static UseCases over(Ports ports, IdGenerator ids, CorrelationIds correlation, InstantSource clock) {
        return over(ports, ChannelOptions.none(), ids, correlation, clock);
    }

    /**
     * Builds every use case over {@code ports}, with the channels as {@code options} say: webhooks always, email when
     * the options carry a mail identity and a transport.
     */
    public static UseCases over(
            Ports ports, ChannelOptions options, IdGenerator ids, CorrelationIds correlation, InstantSource clock) {
        TicketSlaClocks slaClocks = new TicketSlaClocks(ports.slaSettings(), ports.journal());
        InAppNotifications inApp = new InAppNotifications(ports.people(), ports.notifications(), ids);
        ListNotifications listNotifications = new ListNotifications(ports.notifications(), ports.transactions());
        ReadNotification readNotification = new ReadNotification(ports.notifications(), ports.transactions(), clock);
        ReadAllNotifications readAllNotifications =
                new ReadAllNotifications(ports.notifications(), ports.transactions(), clock);
        TicketChanges changes = new TicketChanges(
                ports.tickets(),
                ports.people(),
                ports.transactions(),
                ports.journal(),
                slaClocks,
                ports.outbox(),
                ports.changeFeed(),
                inApp,
                ids,
                correlation,
                clock);
        AdminWork work =
                new AdminWork(ports.transactions(), ports.journal(), ports.changeFeed(), ids, correlation, clock);
        CustomerViews customerViews =
                new CustomerViews(ports.tickets(), ports.people(), ports.attachments(), ports.knowledgeBase());
        AttachmentLinks attachmentLinks = new AttachmentLinks(ports.attachments(), ports.configuration(), clock);
        UnusedContent unusedContent =
                new UnusedContent(ports.attachments(), ports.attachmentFiles(), ports.transactions());
        UploadAttachment uploadAttachment = new UploadAttachment(
                ports.attachments(),
                ports.attachmentFiles(),
                ports.contentSniffer(),
                ports.configuration(),
                ports.transactions(),
                ids,
                clock);
        DownloadAttachment downloadAttachment = new DownloadAttachment(
                ports.attachments(), ports.attachmentFiles(), ports.tickets(), ports.transactions());
        Portal portal = new Portal(
                new ListCustomerTickets(ports.ticketQueries(), ports.transactions(), ports.knowledgeBase()),
                new FileTicket(
                        changes,
                        ports.tickets(),
                        ports.ticketNumbers(),
                        ports.people(),
                        ports.configuration(),
                        ports.slaSettings(),
                        attachmentLinks,
                        ports.knowledgeBase(),
                        customerViews),
                new GetCustomerTicket(ports.tickets(), customerViews, ports.transactions()),
                new ListCustomerMessages(ports.tickets(), ports.transactions(), ports.attachments()),
                new ReplyAsCustomer(changes, ports.configuration(), attachmentLinks),
                new CloseOwnTicket(changes, customerViews),
                new ShowCustomerProfile(ports.people(), ports.ticketQueries(), ports.transactions()),
                new ListCategories(ports.configuration(), ports.transactions()),
                uploadAttachment,
                downloadAttachment,
                new GiveFeedback(changes),
                new SearchArticles(ports.knowledgeBase(), ports.transactions()),
                new ReadArticle(ports.knowledgeBase(), ports.transactions()),
                new SuggestArticles(ports.knowledgeBase(), ports.transactions()),
                new RequestCallBack(
                        work, ports.transactions(), ports.callRequests(), ports.tickets(), ports.outbox(), inApp),
                new ListOwnCalls(ports.callRequests(), ports.transactions()),
                listNotifications,
                readNotification,
                readAllNotifications);
        Desk desk = new Desk(
                new ListTickets(ports.ticketQueries(), ports.people(), ports.transactions()),
                new FileTicketForCustomer(
                        changes,
                        ports.tickets(),
                        ports.ticketNumbers(),
                        ports.people(),
                        ports.configuration(),
                        ports.slaSettings(),
                        work,
                        attachmentLinks,
                        ports.knowledgeBase()),
                new SplitTicket(
                        changes,
                        ports.tickets(),
                        ports.attachments(),
                        ports.ticketNumbers(),
                        ports.people(),
                        ports.configuration(),
                        ports.slaSettings(),
                        ports.knowledgeBase()),
                new MergeTicket(changes, ports.tickets(), ports.people()),
                new UnmergeTicket(changes, ports.tickets(), ports.people()),
                new GetTicket(
                        ports.tickets(),
                        ports.people(),
                        ports.transactions(),
                        ports.attachments(),
                        ports.receivedMails()),
                new UpdateTicket(changes, ports.people(), ports.configuration(), ports.knowledgeBase()),
                new ChangeTicketStatus(changes),
                new DeleteTicket(changes),
                new RestoreTicket(changes),
                new ListMessages(ports.tickets(), ports.transactions(), ports.attachments(), ports.receivedMails()),
                new ReplyToTicket(changes, ports.configuration(), attachmentLinks),
                new AddInternalNote(changes, attachmentLinks),
                new AssignTicket(changes, ports.people()),
                new EscalateTicket(changes),
                new DeescalateTicket(changes),
                new ExplainSla(ports.tickets(), slaClocks, ports.transactions(), clock),
                new TicketHistory(ports.tickets(), ports.journal(), ports.transactions()),
                uploadAttachment,
                downloadAttachment,
                new ShowTicketStats(ports.ticketQueries(), ports.people(), ports.transactions(), clock),
                new CreateArticle(work, ports.knowledgeBase()),
                new ListArticles(work, ports.knowledgeBase()),
                new GetArticle(work, ports.knowledgeBase()),
                new UpdateArticle(work, ports.knowledgeBase()),
                new DeleteArticle(work, ports.knowledgeBase(), ports.tickets()),
                new ListCalls(work, ports.callRequests(), ports.people()),
                new GetCall(work, ports.callRequests(), ports.people()),
                new UpdateCall(work, ports.callRequests(), ports.people()),
                listNotifications,
                readNotification,
                readAllNotifications);
        Admin admin = new Admin(
                new AddPerson(work, ports.people(), ports.credentials(), ports.passwordHashing()),
                new UpdatePerson(work, ports.people()),
                new ListPeople(work, ports.people()),
                new GetPerson(work, ports.people()),
                new AddOrganization(work, ports.people()),
                new UpdateOrganization(work, ports.people()),
                new ListOrganizations(work, ports.people()),
                new GetOrganization(work, ports.people()),
                new ShowConfiguration(ports.configuration(), ports.slaSettings(), ports.transactions()),
                new ChangeSettings(work, ports.configuration()),
                new ReplaceCategories(work, ports.configuration(), ports.tickets()),
                new ChangeSlaPolicy(ports.slaSettings(), work),
                new ChangeBusinessHours(ports.slaSettings(), work),
                new CreateApiToken(work, ports.apiTokens(), ports.people(), ports.secrets()),
                new ListApiTokens(work, ports.apiTokens()),
                new RevokeApiToken(work, ports.apiTokens()),
                new ExportTickets(ports.ticketQueries(), ports.people(), ports.transactions(), clock),
                new ShowAuditLog(ports.journal(), ports.tickets(), ports.transactions()),
                new VerifyJournal(work, ports.journal()),
                new ExportCustomerData(
                        work,
                        ports.people(),
                        ports.ticketQueries(),
                        customerViews,
                        ports.callRequests(),
                        ports.notifications(),
                        clock),
                new ErasePerson(
                        work, ports.personalData(), ports.attachments(), ports.attachmentFiles(), unusedContent));
        Access access = new Access(
                new SignIn(
                        ports.tenants(),
                        ports.people(),
                        ports.credentials(),
                        ports.passwordHashing(),
                        ports.transactions()),
                new IdentifyActor(ports.people()),
                new IdentifyApiToken(ports.apiTokens()));
        Scheduled scheduled = new Scheduled(
                new AutoCloseResolved(changes, ports.tickets(), ports.transactions(), ports.configuration(), clock),
                new ScanSlaBreaches(ports.slaBreachCandidates(), slaClocks, changes, ports.transactions(), clock),
                new PurgeUnlinkedUploads(
                        ports.attachments(), ports.attachmentFiles(), unusedContent, ports.transactions(), clock),
                new ForgetExpiredKeys(ports.idempotencyRecords(), ports.transactions(), clock),
                new PurgeOldNotifications(ports.notifications(), ports.transactions(), clock),
                new PurgeOldChanges(ports.changeFeed(), ports.streamTickets(), ports.transactions(), clock),
                new EraseExpiredTickets(
                        work,
                        ports.personalData(),
                        ports.configuration(),
                        ports.attachments(),
                        ports.attachmentFiles(),
                        unusedContent,
                        clock));
        return new UseCases(
                portal,
                desk,
                admin,
                access,
                scheduled,
                new CreateTenant(
                        work,
                        ports.tenants(),
                        ports.configuration(),
                        ports.slaSettings(),
                        ports.people(),
                        ports.credentials(),
                        ports.passwordHashing()),
                new RunOnce(ports.idempotencyRecords(), ports.transactions(), clock),
                changes,
                channels(ports, options, work, changes, portal.reply(), ids, clock),
                emailIn(ports, options, work, portal, desk),
                new Live(
                        new ReadChanges(ports.changeFeed(), ports.transactions()),
                        new IssueStreamTicket(ports.streamTickets(), ports.secrets(), ports.transactions(), clock),
                        new RedeemStreamTicket(
                                ports.streamTickets(), access.identifyActor(), ports.transactions(), clock)));
    }

    private static EmailIn emailIn(Ports ports, ChannelOptions options, AdminWork work, Portal portal, Desk desk) {
        ReceiveEmail receive = new ReceiveEmail(
                ports.mailParser(),
                options.inbound(),
                ports.emailChannels(),
                ports.receivedMails(),
                ports.people(),
                ports.tickets(),
                ports.configuration(),
                ports.transactions(),
                work,
                portal.uploadAttachment(),
                portal.fileTicket(),
                portal.reply(),
                desk.replyToTicket());
        return new EmailIn(
                new ConfigureEmailChannel(
                        work, ports.emailChannels(), ports.targetGuard(), ports.secrets(), ports.secretBox()),
                new ShowEmailChannel(work, ports.emailChannels()),
                new RemoveEmailChannel(work, ports.emailChannels()),
                new RotateInboundSecret(work, ports.emailChannels(), ports.secrets()),
                new AuthenticateMailHook(ports.tenants(), ports.emailChannels(), ports.transactions()),
                receive,
                new PollMailbox(
                        ports.emailChannels(), ports.transactions(), ports.mailboxes(), ports.secretBox(), receive));
    }

    private static Channels channels(
            Ports ports,
            ChannelOptions options,
            AdminWork work,
            TicketChanges changes,
            ReplyAsCustomer replyAsCustomer,
            IdGenerator ids,
            InstantSource clock) {
        WebhookChannel webhooks = new WebhookChannel(
                ports.webhooks(),
                ports.tickets(),
                ports.transactions(),
                ports.webhookTransport(),
                ports.targetGuard(),
                ports.secretBox(),
                clock);
        TelegramChannel telegram = new TelegramChannel(
                ports.telegram(),
                ports.tickets(),
                ports.journal(),
                ports.transactions(),
                ports.telegramApi(),
                ports.secretBox(),
                options.links(),
                clock);
        FileTicketFromChannel fileFromChannel = new FileTicketFromChannel(
                changes,
                ports.tickets(),
                ports.ticketNumbers(),
                ports.people(),
                ports.configuration(),
                ports.slaSettings(),
                ports.knowledgeBase());
        List<NotificationChannel> dispatched = new ArrayList<>(List.of(webhooks, telegram));
        options.mail()
                .flatMap(identity -> options.mailTransport()
                        .map(transport -> new EmailChannel(
                                ports.people(),
                                ports.tickets(),
                                ports.emailChannels(),
                                identity,
                                options.links(),
                                transport,
                                clock)))
                .ifPresent(dispatched::add);
        return new Channels(
                new CreateWebhook(work, ports.webhooks(), ports.targetGuard(), ports.secrets(), ports.secretBox()),
                new ShowWebhooks(work, ports.webhooks()),
                new UpdateWebhook(work, ports.webhooks(), ports.targetGuard()),
                new DeleteWebhook(work, ports.webhooks()),
                new ListDeliveries(work, ports.deliveries(), ports.webhooks()),
                new RetryDelivery(work, ports.deliveries()),
                new ConfigureTelegram(
                        work,
                        ports.telegram(),
                        ports.telegramApi(),
                        ports.secrets(),
                        ports.secretBox(),
                        options.links()),
                new ShowTelegram(work, ports.telegram()),
                new RemoveTelegram(work, ports.telegram(), ports.telegramApi(), ports.secretBox()),
                new ReceiveTelegramUpdate(
                        ports.telegram(),
                        ports.people(),
                        ports.tickets(),
                        ports.transactions(),
                        work,
                        fileFromChannel,
                        replyAsCustomer,
                        clock),
                new DispatchOutbox(ports.deliveries(), dispatched, ports.transactions(), ids, clock),
                new PurgeDeliveries(ports.deliveries(), ports.transactions(), clock));
    }
}
