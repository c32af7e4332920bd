package org.supportdesk.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.persistence.Database;
import org.supportdesk.adapter.persistence.DatabaseConfig;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.application.UseCases;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * What the crash tests share: a throwaway cluster, the settings a child server ({@link ServerProcess}) runs with on it,
 * a tenant onboarded straight through the use cases, bearer tokens for its people, and waiting on a child server.
 */
final class ChildServerRig {
    static final String SECRET = "crash-test-jwt-secret-that-is-long-enough";

    final LocalPostgres cluster;
    final Path work;
    final JwtTokens tokens = new JwtTokens(
            Config.from(Map.of(Config.JWT_SECRET, SECRET), Optional.empty()).jwtSettings(), Clock.systemUTC());

    ChildServerRig(LocalPostgres cluster, Path work) {
        this.cluster = cluster;
        this.work = work;
    }

    /** A tenant's admin and a customer of it. */
    record Cast(StaffActor admin, Person customer) {}

    /** The settings of a child server on the cluster, with {@code extra} on top. */
    Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put(Config.DB_URL, cluster.jdbcUrl());
        env.put(Config.DB_USER, cluster.user());
        env.put(Config.DB_PASSWORD, cluster.password());
        env.put(Config.HOST, "127.0.0.1");
        env.put(Config.JWT_SECRET, SECRET);
        env.put(Config.DATA_DIR, work.resolve("data").toString());
        env.put(NotifySettings.SECRETS_KEY, "a-secrets-key-for-the-crash-tests-long-enough");
        env.put("SUPPORTDESK_LOG_LEVEL", "WARN");
        env.putAll(extra);
        return env;
    }

    /** Migrates the cluster and makes tenant {@code slug} with an admin and a customer, Carla. */
    Cast onboard(String slug) {
        try (HikariDataSource pool =
                Database.pool(new DatabaseConfig(cluster.jdbcUrl(), cluster.user(), cluster.password(), 2))) {
            Database.migrate(pool);
            UseCases useCases = Core.over(
                            Database.jdbi(pool),
                            Clock.systemUTC(),
                            Config.from(Map.of(Config.DATA_DIR, work.toString()), Optional.empty()))
                    .useCases();
            StaffActor admin = Onboarding.tenant(useCases, slug, "boss@" + slug + ".example", "boss-password");
            Person customer = Onboarding.person(
                    useCases, admin, "carla@" + slug + ".example", "Carla", Role.CUSTOMER, Optional.empty());
            return new Cast(admin, customer);
        }
    }

    String token(StaffActor staff) {
        return tokens.issue(staff.tenant(), staff.id(), staff.role()).token();
    }

    String token(Person person) {
        return tokens.issue(person.tenant(), person.id(), person.role()).token();
    }

    /** Waits until {@code server} answers {@code path} with 200 for {@code token}. */
    static void awaitServing(TestHttp http, String token, String path, ServerProcess server) {
        await(
                "the server answering",
                120,
                () -> {
                    try {
                        return http.get(token, path).status() == 200;
                    } catch (IllegalStateException notYet) {
                        return false;
                    }
                },
                server);
    }

    static void await(String what, int seconds, BooleanSupplier done, ServerProcess server) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline || !server.alive()) {
                throw new AssertionError("not within " + seconds + " s: " + what + "\n" + server.logTail());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
