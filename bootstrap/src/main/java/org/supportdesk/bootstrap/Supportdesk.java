package org.supportdesk.bootstrap;

import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.adapter.http.api.HttpApi;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.JwtSettings;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.http.auth.LoginThrottle;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.application.UseCases;

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
    private final BackgroundWork background;

    private Supportdesk(
            OpenDatabase database,
            JdbiStores stores,
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

    /** Starts everything with the system clock. */
    public static Supportdesk start(Config config) {
        JwtSettings jwt = config.jwtSettings();
        InstantSource clock = Clock.systemUTC();
        OpenDatabase database = OpenDatabase.open(config);
        try {
            Core core = Core.over(database.jdbi(), clock);
            JdbiStores stores = core.stores();
            UseCases useCases = core.useCases();
            JwtTokens tokens = new JwtTokens(jwt, clock);
            Javalin http = HttpApi.create(
                            useCases,
                            tokens,
                            LoginThrottle.withDefaults(clock),
                            route -> LOG.debug("route {} {}", route.getHttpMethod(), route.getPath()))
                    .start(config.host(), config.port());
            BackgroundWork background = new BackgroundWork(
                    database.pool(), stores.tenants()::all, BackgroundWork.standardJobs(useCases.scheduled()));
            background.start(Duration.ofSeconds(5), BACKGROUND_PERIOD);
            LOG.info("Supportdesk listens on http://{}:{}", config.host(), http.port());
            return new Supportdesk(database, stores, useCases, tokens, http, background);
        } catch (RuntimeException e) {
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

    /** Every HTTP route registered on the running server, read from its router (for the access matrix test). */
    public List<Route> routes() {
        return http.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod()) // not the before/after filters
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path, role(endpoint)))
                .toList();
    }

    private static AccessRole role(Endpoint endpoint) {
        Roles roles = endpoint.metadata(Roles.class);
        Set<RouteRole> declared = roles == null ? Set.of() : roles.getRoles();
        if (declared.size() != 1 || !(declared.iterator().next() instanceof AccessRole role)) {
            throw new IllegalStateException(
                    endpoint.method.name() + " " + endpoint.path + " declares no single AccessRole: " + declared);
        }
        return role;
    }

    public JdbiStores stores() {
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
