package org.supportdesk.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.adapter.http.HttpServer;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.adapter.http.RequestCorrelation;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.auth.JwtSettings;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.http.desk.DeskTicketEndpoints;
import org.supportdesk.adapter.http.desk.DeskUseCases;
import org.supportdesk.adapter.http.json.JsonMapping;
import org.supportdesk.adapter.http.portal.PortalTicketEndpoints;
import org.supportdesk.adapter.http.portal.PortalUseCases;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.sla.ScanSlaBreaches;
import org.supportdesk.application.ticket.AutoCloseResolved;

/**
 * The composition root (CONVENTIONS §8): the database, the stores, every use case, the HTTP server and the background
 * jobs, built by hand in dependency order. Closing it stops them in reverse.
 */
public final class Supportdesk implements AutoCloseable {
    static final Duration BACKGROUND_PERIOD = Duration.ofMinutes(1);
    static final int BATCH_SIZE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Supportdesk.class);

    private final OpenDatabase database;
    private final Stores stores;
    private final UseCases useCases;
    private final JwtTokens tokens;
    private final Javalin http;
    private final BackgroundWork background;

    private Supportdesk(
            OpenDatabase database,
            Stores stores,
            UseCases useCases,
            JwtTokens tokens,
            Javalin http,
            BackgroundWork background) {
        this.database = database;
        this.stores = stores;
        this.useCases = useCases;
        this.tokens = tokens;
        this.http = http;
        this.background = background;
    }

    /** Starts everything with the system clock; the pending adapters are those this build lacks. */
    public static Supportdesk start(Config config) {
        return start(config, PendingAdapters.NONE);
    }

    public static Supportdesk start(Config config, PendingAdapters pending) {
        JwtSettings jwt = config.jwtSettings();
        InstantSource clock = Clock.systemUTC();
        OpenDatabase database = OpenDatabase.open(config);
        try {
            Stores stores = Stores.over(database.jdbi(), clock, pending);
            UseCases useCases = UseCases.over(stores, new TimeOrderedIds(clock), new RequestCorrelation(), clock);
            JwtTokens tokens = new JwtTokens(jwt, clock);
            Javalin http = http(useCases, stores, tokens).start(config.host(), config.port());
            BackgroundWork background = backgroundWork(database, stores, useCases);
            background.start(Duration.ofSeconds(5), BACKGROUND_PERIOD);
            LOG.info("Supportdesk listens on http://{}:{}", config.host(), http.port());
            return new Supportdesk(database, stores, useCases, tokens, http, background);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Javalin http(UseCases u, Stores stores, JwtTokens tokens) {
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

    static BackgroundWork backgroundWork(OpenDatabase database, Stores stores, UseCases useCases) {
        List<BackgroundWork.Job> jobs = new ArrayList<>();
        jobs.add(new BackgroundWork.Job(
                "auto-close",
                tenant -> drain(
                        () -> useCases.autoCloseResolved().handle(new AutoCloseResolved.Command(tenant, BATCH_SIZE)))));
        useCases.scanSlaBreaches()
                .ifPresent(scan -> jobs.add(new BackgroundWork.Job(
                        "sla-breach-scan",
                        tenant -> drain(() -> scan.handle(new ScanSlaBreaches.Command(tenant, BATCH_SIZE))))));
        return new BackgroundWork(database.pool(), stores.tenants()::all, jobs);
    }

    /** Runs a batch job again while it fills whole batches, a bounded number of times. */
    private static void drain(java.util.function.IntSupplier batch) {
        for (int round = 0; round < 10 && batch.getAsInt() == BATCH_SIZE; round++) {
            // the next batch
        }
    }

    /** The port the HTTP server listens on (useful when configured as 0). */
    public int port() {
        return http.port();
    }

    public Stores stores() {
        return stores;
    }

    public UseCases useCases() {
        return useCases;
    }

    /** Signs tokens with the configured secret, for the demo and for tests. */
    public JwtTokens tokens() {
        return tokens;
    }

    /** Stops the HTTP server, then the background jobs, then the pool and a cluster we started. */
    @Override
    public void close() {
        LOG.info("Supportdesk is stopping");
        try {
            http.stop();
        } finally {
            try {
                background.close();
            } finally {
                database.close();
            }
        }
        LOG.info("Supportdesk stopped");
    }
}
