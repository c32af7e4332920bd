package org.supportdesk.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.adapter.http.HttpServer;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.http.desk.DeskTicketEndpoints;
import org.supportdesk.adapter.http.desk.DeskUseCases;
import org.supportdesk.adapter.http.json.JsonMapping;
import org.supportdesk.adapter.http.portal.PortalTicketEndpoints;
import org.supportdesk.adapter.http.portal.PortalUseCases;

/** The HTTP adapter over the use cases: the desk and portal route groups behind bearer-token authentication. */
final class Web {
    private static final Logger LOG = LoggerFactory.getLogger(Web.class);

    private Web() {}

    /** The server, not started. */
    static Javalin server(UseCases u, JwtTokens tokens) {
        ObjectMapper json = JsonMapping.create();
        Requests requests = new Requests(json);
        IdempotentCreation creation = new IdempotentCreation(u.runOnce(), json);
        Authenticator authenticator = new Authenticator(tokens, u.identifyActor());
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
                        new PortalTicketEndpoints(portal, requests, creation)),
                route -> LOG.debug("route {} {}", route.getHttpMethod(), route.getPath()));
    }
}
