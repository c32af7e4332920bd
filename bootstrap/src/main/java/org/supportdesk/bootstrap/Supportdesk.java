package org.supportdesk.bootstrap;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.adapter.http.api.HttpApi;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.JwtSettings;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.persistence.Database;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.adapter.persistence.StatementListener;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.ids.ThreadCorrelation;

/**
 * The composition root (CONVENTIONS §8): the database, the stores, every use case, the HTTP server and the background
 * jobs, built by hand in dependency order. Closing it stops them in reverse.
 */
public final class Supportdesk implements AutoCloseable {
    static final Duration BACKGROUND_PERIOD = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(Supportdesk.class);

    private final OpenDatabase database;
    private final JdbiStores stores;
    private final UseCases useCases;
    private final JwtTokens tokens;
    private final Javalin http;
    private final List<Route> routes;
    private final BackgroundWork background;
    private final BackgroundWork mailPoller;
    private final OutboxDispatcher outbox;
    private final LiveEvents live;

    private Supportdesk(
            OpenDatabase database,
            JdbiStores stores,
            UseCases useCases,
            JwtTokens tokens,
            Javalin http,
            List<Route> routes,
            BackgroundWork background,
            BackgroundWork mailPoller,
            OutboxDispatcher outbox,
            LiveEvents live) {
        this.database = database;
        this.stores = stores;
        this.useCases = useCases;
        this.tokens = tokens;
        this.http = http;
        this.routes = List.copyOf(routes);
        this.background = background;
        this.mailPoller = mailPoller;
        this.outbox = outbox;
        this.live = live;
    }

    /** Starts everything with the system clock. */
    public static Supportdesk start(Config config) {
        return start(config, Optional.empty());
    }

    /**
     * Starts everything with the system clock, telling {@code statements} (if given) of every SQL statement the
     * requests and jobs send, with the correlation id of the one that sent it; without it the pool runs unobserved.
     */
    public static Supportdesk start(Config config, Optional<StatementListener> statements) {
        JwtSettings jwt = config.jwtSettings();
        InstantSource clock = Clock.systemUTC();
        OpenDatabase database = OpenDatabase.open(config);
        LiveEvents live = null;
        try {
            ThreadCorrelation correlation = new ThreadCorrelation();
            Jdbi jdbi = statements
                    .map(listener -> Database.jdbi(Database.observed(database.pool(), correlation, listener)))
                    .orElseGet(database::jdbi);
            Core core = Core.over(jdbi, clock, config, correlation);
            List<Route> routes = new ArrayList<>();
            JdbiStores stores = core.stores();
            UseCases useCases = core.useCases();
            JwtTokens tokens = new JwtTokens(jwt, clock);
            live = LiveEvents.start(useCases.live(), database.direct());
            Javalin http = HttpApi.create(
                            useCases,
                            core.correlation(),
                            tokens,
                            config.requestLimits(clock),
                            live.streams(),
                            config.widgetOrigins(),
                            route -> {
                                if (route.getHttpMethod().isHttpMethod()) { // not the before/after filters
                                    routes.add(new Route(
                                            route.getHttpMethod().name(),
                                            route.getPath(),
                                            AccessRole.declaredBy(route.getRoles())));
                                }
                            })
                    .start(config.host(), config.port());
            BackgroundWork background = new BackgroundWork(
                    database.direct(),
                    stores.tenants()::all,
                    BackgroundWork.standardJobs(
                            useCases.scheduled(), config.channels().changeRetention()),
                    core.correlation());
            background.start(Duration.ofSeconds(5), BACKGROUND_PERIOD);
            BackgroundWork mailPoller = new BackgroundWork(
                    database.direct(),
                    stores.tenants()::all,
                    BackgroundWork.mailJobs(useCases.emailIn()),
                    core.correlation(),
                    BackgroundWork.MAIL_LOCK_KEY);
            mailPoller.start(
                    config.channels().imapPollInterval(), config.channels().imapPollInterval());
            OutboxDispatcher outbox = new OutboxDispatcher(
                    useCases.channels(), stores.tenants()::all, config.notifications(), core.correlation());
            outbox.start();
            LOG.info("Supportdesk listens on http://{}:{}", config.host(), http.port());
            return new Supportdesk(
                    database, stores, useCases, tokens, http, routes, background, mailPoller, outbox, live);
        } catch (RuntimeException e) {
            if (live != null) {
                live.close();
            }
            database.close();
            throw e;
        }
    }

    /** The port the HTTP server listens on (useful when configured as 0). */
    public int port() {
        return http.port();
    }

    /** One HTTP route the running server answers, with the role it declares. */
    public record Route(String method, String path, AccessRole role) {}

    /** Every HTTP route the running server registered, as it announced them (for the access matrix test). */
    public List<Route> routes() {
        return routes;
    }

    public JdbiStores stores() {
        return stores;
    }

    public UseCases useCases() {
        return useCases;
    }

    /** The connection pool's live counts (active, idle, threads waiting), for the fault tests. */
    HikariPoolMXBean connectionPool() {
        return database.pool().getHikariPoolMXBean();
    }

    /** The periodic jobs under the shared advisory lock, for the tests of several instances. */
    BackgroundWork backgroundWork() {
        return background;
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
            // The streams first: they end their requests, which the HTTP server then need not wait for.
            live.close();
            http.stop();
        } finally {
            try {
                outbox.close();
                mailPoller.close();
                background.close();
            } finally {
                database.close();
            }
        }
        LOG.info("Supportdesk stopped");
    }
}
