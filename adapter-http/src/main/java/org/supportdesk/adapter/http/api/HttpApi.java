package org.supportdesk.adapter.http.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import java.util.List;
import java.util.function.Consumer;
import org.supportdesk.adapter.http.HttpServer;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.WidgetOrigins;
import org.supportdesk.adapter.http.admin.ApiTokenEndpoints;
import org.supportdesk.adapter.http.admin.AuditLogEndpoints;
import org.supportdesk.adapter.http.admin.OrganizationEndpoints;
import org.supportdesk.adapter.http.admin.PeopleEndpoints;
import org.supportdesk.adapter.http.admin.SettingsEndpoints;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.auth.BrowserSession;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.http.auth.LoginEndpoints;
import org.supportdesk.adapter.http.desk.AttachmentEndpoints;
import org.supportdesk.adapter.http.desk.CallEndpoints;
import org.supportdesk.adapter.http.desk.DeskTicketEndpoints;
import org.supportdesk.adapter.http.desk.KnowledgeBaseEndpoints;
import org.supportdesk.adapter.http.desk.NotificationEndpoints;
import org.supportdesk.adapter.http.desk.TicketReportEndpoints;
import org.supportdesk.adapter.http.events.ChangeFeedEndpoints;
import org.supportdesk.adapter.http.events.EventStreamEndpoints;
import org.supportdesk.adapter.http.events.LiveStreams;
import org.supportdesk.adapter.http.json.JsonMapping;
import org.supportdesk.adapter.http.limits.RequestLimits;
import org.supportdesk.adapter.http.notify.EmailChannelEndpoints;
import org.supportdesk.adapter.http.notify.TelegramEndpoints;
import org.supportdesk.adapter.http.notify.WebhookEndpoints;
import org.supportdesk.adapter.http.portal.PortalAttachmentEndpoints;
import org.supportdesk.adapter.http.portal.PortalCallEndpoints;
import org.supportdesk.adapter.http.portal.PortalKnowledgeBaseEndpoints;
import org.supportdesk.adapter.http.portal.PortalNotificationEndpoints;
import org.supportdesk.adapter.http.portal.PortalProfileEndpoints;
import org.supportdesk.adapter.http.portal.PortalTicketEndpoints;
import org.supportdesk.adapter.http.web.WebPages;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.ids.ThreadCorrelation;

/**
 * The REST API over the core: every endpoint group (portal, desk, admin, sign-in) behind authentication, assembled in
 * this one place for the server and for the tests. Adding a route group is one line here.
 */
public final class HttpApi {
    private HttpApi() {}

    /**
     * The server, not started. {@code streams} serves its live event streams (its owner wakes them when the change feed
     * moves and closes them); {@code widgetOrigins} may call the filing widget's routes from their own pages;
     * {@code routeAdded} hears of every registered route (the route table that tests and docs check).
     */
    public static Javalin create(
            UseCases useCases,
            ThreadCorrelation correlation,
            JwtTokens tokens,
            RequestLimits limits,
            LiveStreams streams,
            WidgetOrigins widgetOrigins,
            Consumer<HandlerMetaInfo> routeAdded) {
        ObjectMapper json = JsonMapping.create();
        Requests requests = new Requests(json);
        IdempotentCreation creation = new IdempotentCreation(useCases.runOnce(), json);
        BrowserSession session = new BrowserSession(tokens.settings());
        Authenticator authenticator = new Authenticator(
                tokens,
                useCases.access().identifyActor(),
                useCases.access().identifyApiToken(),
                useCases.live().redeemStreamTicket(),
                session);
        return HttpServer.create(
                json,
                correlation,
                new AdmissionGate(authenticator, limits),
                List.of(
                        widgetOrigins,
                        // Before the ticket routes: /tickets/{id} would otherwise take "stats" for an id.
                        new TicketReportEndpoints(useCases.desk(), useCases.admin()),
                        new DeskTicketEndpoints(useCases.desk(), requests, creation, json),
                        new PortalTicketEndpoints(useCases.portal(), requests, creation),
                        new PortalProfileEndpoints(useCases.portal()),
                        new LoginEndpoints(
                                useCases.access().signIn(), tokens, limits, requests, session, authenticator),
                        new PeopleEndpoints(useCases.admin(), requests, creation, json),
                        new OrganizationEndpoints(useCases.admin(), requests, creation),
                        new SettingsEndpoints(useCases.admin(), requests),
                        new ApiTokenEndpoints(useCases.admin(), requests, creation),
                        new PortalAttachmentEndpoints(useCases.portal(), creation),
                        new AttachmentEndpoints(useCases.desk(), creation),
                        new AuditLogEndpoints(useCases.admin()),
                        new KnowledgeBaseEndpoints(useCases.desk(), requests, creation),
                        new PortalKnowledgeBaseEndpoints(useCases.portal()),
                        new CallEndpoints(useCases.desk(), requests),
                        new PortalCallEndpoints(useCases.portal(), requests, creation),
                        new PortalNotificationEndpoints(useCases.portal()),
                        new NotificationEndpoints(useCases.desk()),
                        new WebhookEndpoints(useCases.channels(), requests, creation),
                        new TelegramEndpoints(useCases.channels(), requests),
                        new EmailChannelEndpoints(useCases.emailIn(), requests),
                        new ChangeFeedEndpoints(useCases.live()),
                        new EventStreamEndpoints(
                                useCases.live(), useCases.access().identifyActor(), authenticator, streams)),
                WebPages::serve,
                routeAdded);
    }
}
