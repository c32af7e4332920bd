package org.supportdesk.adapter.http.auth;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.adapter.http.ApiCode;
import org.supportdesk.adapter.http.HttpProblem;
import org.supportdesk.application.access.IdentifyActor;
import org.supportdesk.application.access.IdentifyApiToken;
import org.supportdesk.application.feed.RedeemStreamTicket;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.ApiTokenSecret;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Runs before every matched route: a route for {@link AccessRole#ANYONE} needs nothing; any other needs a valid
 * bearer token (a JWT, or an integration API token that is not revoked) of an active person (401 otherwise, one body
 * for every reason) whose role the route admits (403 otherwise). The actor is then available to the handler. Between
 * identifying and admitting, the server counts the request against its rate limits. An event stream opened by a
 * browser's {@code EventSource}, which sends no headers, may instead carry a stream ticket as {@code ?ticket=}
 * (docs/live-events.md): a bearer token never travels in a URL. A web page's request without a bearer is identified by
 * its {@link BrowserSession} cookie, and must then carry the session's CSRF token to change anything.
 */
public final class Authenticator {
    private static final String ACTOR = "supportdesk.actor";
    private static final String BEARER = "Bearer ";
    /** The event-stream routes, the only ones that take a stream ticket, and the parameter it comes in. */
    public static final String STAFF_STREAM = "/api/v1/events";

    public static final String CUSTOMER_STREAM = "/api/v1/portal/events";
    private static final Set<String> STREAM_PATHS = Set.of(STAFF_STREAM, CUSTOMER_STREAM);

    public static final String STREAM_TICKET = "ticket";

    /** The detail of every 401 for a missing or wrong bearer. */
    public static final String TOKEN_REQUIRED = "A valid bearer token is required";

    private final JwtTokens tokens;
    private final IdentifyActor identify;
    private final IdentifyApiToken apiTokens;
    private final RedeemStreamTicket streamTickets;
    private final BrowserSession session;

    /**
     * JWTs, and integration API tokens: a bearer of the API-token shape is looked up as one, never parsed as a JWT; and
     * stream tickets on the stream routes; browser sessions.
     */
    public Authenticator(
            JwtTokens tokens,
            IdentifyActor identify,
            IdentifyApiToken apiTokens,
            RedeemStreamTicket streamTickets,
            BrowserSession session) {
        this.tokens = tokens;
        this.identify = identify;
        this.apiTokens = apiTokens;
        this.streamTickets = streamTickets;
        this.session = session;
    }

    /**
     * Who sent the request: the holder of a valid bearer token or browser session; empty on a route for {@link AccessRole#ANYONE} (which
     * looks at no token) and for a missing or invalid one.
     */
    public Optional<Actor> identify(Context ctx) {
        if (AccessRole.declaredBy(ctx.routeRoles()) == AccessRole.ANYONE) {
            return Optional.empty();
        }
        String authorization = ctx.header("Authorization");
        String ticket = ctx.queryParam(STREAM_TICKET);
        if (authorization == null && ticket != null && STREAM_PATHS.contains(ctx.path())) {
            return streamTickets.handle(new RedeemStreamTicket.Command(ticket));
        }
        Optional<String> sessionToken = session.token(ctx);
        if (authorization == null && sessionToken.isPresent()) {
            Optional<Actor> actor = identify(sessionToken.get());
            actor.ifPresent(signedIn -> session.requireCsrfToken(ctx, sessionToken.get()));
            return actor;
        }
        return actorOf(authorization);
    }

    /** Lets the request on to its route, or refuses it: 401 without an actor, 403 for a role the route does not admit. */
    public void admit(Context ctx, Optional<Actor> identified) {
        AccessRole required = AccessRole.declaredBy(ctx.routeRoles());
        if (required == AccessRole.ANYONE) {
            return;
        }
        Actor actor = identified.orElseThrow(() -> new HttpProblem(ApiCode.UNAUTHORIZED, TOKEN_REQUIRED));
        if (!required.admits(actor)) {
            throw new HttpProblem(ApiCode.FORBIDDEN, "This route is not for your role");
        }
        ctx.attribute(ACTOR, actor);
    }

    /** Who an {@code Authorization} header (null when absent) names: empty for anything but a valid bearer token. */
    public Optional<Actor> actorOf(String authorization) {
        return bearer(authorization).flatMap(this::identify);
    }

    private Optional<Actor> identify(String bearer) {
        if (ApiTokenSecret.looksLikeOne(bearer)) {
            return apiTokens.handle(new IdentifyApiToken.Command(bearer)).map(Actor.class::cast);
        }
        return tokens.verify(bearer)
                .flatMap(claims ->
                        identify.handle(new IdentifyActor.Command(claims.tenant(), claims.person(), claims.role())));
    }

    /** The token of an {@code Authorization: Bearer …} header (null when absent); empty for any other header. */
    public static Optional<String> bearer(String header) {
        return header != null && header.startsWith(BEARER)
                ? Optional.of(header.substring(BEARER.length()).strip())
                : Optional.empty();
    }

    /** The signed-in customer of a customer route. */
    public static CustomerActor customer(Context ctx) {
        return (CustomerActor) actor(ctx);
    }

    /** The signed-in staff member of a staff or admin route. */
    public static StaffActor staff(Context ctx) {
        return (StaffActor) actor(ctx);
    }

    public static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        if (actor == null) {
            throw new IllegalStateException("no actor on a route that requires one: " + ctx.path());
        }
        return actor;
    }
}
