package org.supportdesk.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.adapter.http.HttpServer;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.admin.ApiTokenEndpoints;
import org.supportdesk.adapter.http.admin.OrganizationEndpoints;
import org.supportdesk.adapter.http.admin.PeopleEndpoints;
import org.supportdesk.adapter.http.admin.SettingsEndpoints;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.http.auth.LoginEndpoints;
import org.supportdesk.adapter.http.auth.LoginThrottle;
import org.supportdesk.adapter.http.desk.DeskTicketEndpoints;
import org.supportdesk.adapter.http.desk.DeskUseCases;
import org.supportdesk.adapter.http.json.JsonMapping;
import org.supportdesk.adapter.http.portal.PortalProfileEndpoints;
import org.supportdesk.adapter.http.portal.PortalTicketEndpoints;
import org.supportdesk.adapter.http.portal.PortalUseCases;

/** The HTTP adapter over the use cases: every route group (portal, desk, admin, sign-in) behind authentication. */
final class Web {
    private static final Logger LOG = LoggerFactory.getLogger(Web.class);

    private Web() {}

    /** The server, not started. */
    static Javalin server(UseCases u, JwtTokens tokens, InstantSource clock) {
        ObjectMapper json = JsonMapping.create();
        Requests requests = new Requests(json);
        IdempotentCreation creation = new IdempotentCreation(u.runOnce(), json);
        Authenticator authenticator = new Authenticator(tokens, u.identifyActor(), u.identifyApiToken());
        DeskUseCases desk = new DeskUseCases(
                u.listTickets(),
                u.fileTicketForCustomer(),
                u.getTicket(),
                u.updateTicket(),
                u.deleteTicket(),
                u.restoreTicket(),
                u.listMessages(),
                u.replyToTicket(),
                u.addInternalNote(),
                u.assignTicket(),
                u.escalateTicket(),
                u.deescalateTicket(),
                u.explainSla(),
                u.ticketHistory());
        PortalUseCases portal = new PortalUseCases(
                u.listCustomerTickets(),
                u.fileTicket(),
                u.getCustomerTicket(),
                u.listCustomerMessages(),
                u.replyToTicket(),
                u.closeOwnTicket());
        return HttpServer.create(
                json,
                authenticator::authenticate,
                List.of(
                        new DeskTicketEndpoints(desk, requests, creation, json),
                        new PortalTicketEndpoints(portal, requests, creation, json),
                        new PortalProfileEndpoints(
                                u.showCustomerProfile(), u.admin().showConfiguration()),
                        new LoginEndpoints(u.signIn(), tokens, LoginThrottle.withDefaults(clock), requests),
                        new PeopleEndpoints(u.admin(), requests, creation),
                        new OrganizationEndpoints(u.admin(), requests, creation),
                        new SettingsEndpoints(u.admin(), requests),
                        new ApiTokenEndpoints(u.admin(), requests, creation)),
                route -> LOG.debug("route {} {}", route.getHttpMethod(), route.getPath()));
    }
}
