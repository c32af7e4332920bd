package org.supportdesk.adapter.http.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.supportdesk.adapter.http.ApiCode;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.HttpProblem;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.access.IdentifyActor;
import org.supportdesk.application.feed.IssueStreamTicket;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Author;

/**
 * Live events (§16, docs/live-events.md): {@code GET /api/v1/events} (staff) and {@code GET /api/v1/portal/events}
 * (customers) stream the change feed as server-sent events, each with its cursor as {@code id}, resuming after {@code
 * Last-Event-ID} or {@code ?after=}; {@code POST …/events/stream-tickets} trades the caller's bearer token for a
 * single-use ticket a browser's {@code EventSource} passes as {@code ?ticket=}.
 */
public final class EventStreamEndpoints implements Endpoints {
    private static final String EVENT_STREAM = "text/event-stream";

    private final UseCases.Live useCases;
    private final IdentifyActor identify;
    private final Authenticator authenticator;
    private final LiveStreams streams;

    public EventStreamEndpoints(
            UseCases.Live useCases, IdentifyActor identify, Authenticator authenticator, LiveStreams streams) {
        this.useCases = useCases;
        this.identify = identify;
        this.authenticator = authenticator;
        this.streams = streams;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/events/stream-tickets", ctx -> issue(ctx, Authenticator.staff(ctx)), AccessRole.STAFF);
        routes.post(
                "/api/v1/portal/events/stream-tickets",
                ctx -> issue(ctx, Authenticator.customer(ctx)),
                AccessRole.CUSTOMER);
        SseHandler streaming = new SseHandler(this::stream);
        routes.get(Authenticator.STAFF_STREAM, ctx -> stream(ctx, streaming), AccessRole.STAFF);
        routes.get(Authenticator.CUSTOMER_STREAM, ctx -> stream(ctx, streaming), AccessRole.CUSTOMER);
    }

    /**
     * Javalin streams only to a request that accepts {@code text/event-stream} (as {@code EventSource} does) and
     * answers any other an empty 200; say why instead.
     */
    private static void stream(Context ctx, SseHandler streaming) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            throw new HttpProblem(
                    ApiCode.NOT_ACCEPTABLE,
                    "This route answers " + EVENT_STREAM + " only: send Accept: " + EVENT_STREAM);
        }
        streaming.handle(ctx);
    }

    private void issue(Context ctx, Actor actor) {
        IssueStreamTicket.Issued issued = useCases.issueStreamTicket().handle(new IssueStreamTicket.Command(actor));
        ctx.status(HttpStatus.CREATED).json(Map.of("ticket", issued.ticket(), "expires_at", issued.expiresAt()));
    }

    private void stream(SseClient client) {
        Context ctx = client.ctx();
        Actor reader = Authenticator.actor(ctx);
        streams.open(client, reader, resumeAfter(ctx), readerNow(ctx, reader));
    }

    /** {@code Last-Event-ID}, which a reconnecting {@code EventSource} sends, else {@code ?after=}. */
    private static OptionalLong resumeAfter(Context ctx) {
        String lastEventId = ctx.header("Last-Event-ID");
        UnaryOperator<String> cursor = name -> lastEventId != null ? lastEventId : ctx.queryParam(name);
        return Requests.query(cursor, "after", Long::parseLong)
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /**
     * Who the reader is now: their bearer token checked again (expired, revoked or deactivated: nobody); a stream
     * opened with a ticket, whose ticket is spent, by the person it was issued to.
     */
    private Supplier<Optional<Actor>> readerNow(Context ctx, Actor reader) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            return () -> authenticator.actorOf(authorization);
        }
        Author author = reader.asAuthor();
        IdentifyActor.Command who = new IdentifyActor.Command(
                reader.tenant(), author.id().orElseThrow(), author.role().orElseThrow());
        return () -> identify.handle(who);
    }
}
