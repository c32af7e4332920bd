package org.supportdesk.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.persistence.Database;
import org.supportdesk.adapter.persistence.DatabaseConfig;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.application.UseCases;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;

/**
 * One durability run (suites S12 and S13): a tenant of its own on {@code cluster}, the real server as a child JVM,
 * eight clients writing through it, and in each cycle a fault at a seeded random moment 2 to 8 s after the server
 * answers: the server killed with {@code SIGKILL} and started again, or PostgreSQL stopped {@code -m immediate} and
 * started again under the running server. Then the clients resolve what is indeterminate, and the history is checked
 * against the database.
 */
final class DurabilityRun {
    enum Fault {
        KILL_SERVER,
        CRASH_POSTGRES
    }

    /** What a run found, and how long each recovery took to its first acknowledged write. */
    record Result(WriteHistory.Figures figures, List<Long> recoveriesMs) {}

    private static final int CLIENTS = 8;
    private static final String SECRET = "durability-run-secret-that-is-long-enough";
    private static final Duration AWAIT_LIMIT = Duration.ofSeconds(120);
    /** Generous: a shared 2-core machine under other builds writes a tenth as fast as an idle one. */
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(5);

    private final LocalPostgres cluster;
    private final Path work;
    private final Random random;
    private final String name = "dur-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path log;
    private ServerProcess server;

    DurabilityRun(LocalPostgres cluster, Path work, Random random) {
        this.cluster = cluster;
        this.work = work;
        this.random = random;
        this.log = work.resolve(name + ".log");
    }

    Result run(Fault fault, int cycles, long minimumAcked) throws InterruptedException {
        JwtTokens tokens = new JwtTokens(
                Config.from(Map.of(Config.JWT_SECRET, SECRET), Optional.empty()).jwtSettings(), Clock.systemUTC());
        Cast cast = onboard();
        int port = freePort();
        WriteHistory history = new WriteHistory();
        List<Long> recoveriesMs = new ArrayList<>();
        long startedNanos = System.nanoTime();
        server = ServerProcess.start(environment(), port, log);
        try (DurabilityClients clients = DurabilityClients.start(
                CLIENTS, port, cast.token(tokens, cast.customer()), cast.token(tokens, cast.agent()), name, history)) {
            long answering = awaitAcknowledgement(history, startedNanos);
            for (int cycle = 0; cycle < cycles; cycle++) {
                long faultAt = answering + TimeUnit.MILLISECONDS.toNanos(2_000 + random.nextInt(6_001));
                TimeUnit.NANOSECONDS.sleep(faultAt - System.nanoTime());
                long recovering = inject(fault, port);
                answering = awaitAcknowledgement(history, recovering);
                recoveriesMs.add(TimeUnit.NANOSECONDS.toMillis(answering - recovering));
            }
            long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
            while (history.acknowledged() < minimumAcked && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            clients.stop(AWAIT_LIMIT);
        } finally {
            server.close();
        }
        return new Result(history.check(stored(cast.tenant())), recoveriesMs);
    }

    /** Brings the fault, starts the part it took down again, and answers when that restart began. */
    private long inject(Fault fault, int port) {
        return switch (fault) {
            case KILL_SERVER -> {
                server.kill();
                long restarting = System.nanoTime();
                server = ServerProcess.start(environment(), port, log);
                yield restarting;
            }
            case CRASH_POSTGRES -> {
                cluster.stop(LocalPostgres.Shutdown.IMMEDIATE);
                cluster.start();
                yield System.nanoTime(); // PostgreSQL accepts connections again
            }
        };
    }

    private long awaitAcknowledgement(WriteHistory history, long after) throws InterruptedException {
        long deadline = System.nanoTime() + AWAIT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            var acknowledged = history.firstAcknowledgedAfter(after);
            if (acknowledged.isPresent()) {
                return acknowledged.getAsLong();
            }
            if (!server.alive()) {
                throw new IllegalStateException("the server died on its own:\n" + server.logTail());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no write acknowledged within " + AWAIT_LIMIT + ":\n" + server.logTail());
    }

    private Map<String, String> environment() {
        return Map.of(
                Config.DB_URL,
                cluster.jdbcUrl(),
                Config.DB_USER,
                cluster.user(),
                Config.DB_PASSWORD,
                cluster.password(),
                Config.HOST,
                "127.0.0.1",
                Config.JWT_SECRET,
                SECRET,
                Config.DATA_DIR,
                work.resolve(name).toString(),
                "SUPPORTDESK_LOG_LEVEL",
                "WARN");
    }

    /** The tenant the run writes in, its customer who files and its agent who replies. */
    private record Cast(TenantId tenant, Person customer, Person agent) {
        String token(JwtTokens tokens, Person person) {
            return tokens.issue(person.tenant(), person.id(), person.role()).token();
        }
    }

    private Cast onboard() {
        try (HikariDataSource pool =
                Database.pool(new DatabaseConfig(cluster.jdbcUrl(), cluster.user(), cluster.password(), 2))) {
            Database.migrate(pool);
            UseCases useCases = Core.over(
                            Database.jdbi(pool),
                            Clock.systemUTC(),
                            Config.from(Map.of(Config.DATA_DIR, work.toString()), Optional.empty()))
                    .useCases();
            StaffActor admin = Onboarding.tenant(useCases, name, "boss@" + name + ".example", "boss-password");
            return new Cast(
                    admin.tenant(),
                    Onboarding.person(
                            useCases, admin, "carla@" + name + ".example", "Carla", Role.CUSTOMER, Optional.empty()),
                    Onboarding.person(
                            useCases, admin, "agnes@" + name + ".example", "Agnes", Role.AGENT, Optional.empty()));
        }
    }

    /** Every key the database holds a ticket or a reply for, with the ids of the rows written under it. */
    private Map<String, List<String>> stored(TenantId tenant) {
        Map<String, List<String>> rows = new HashMap<>();
        try (Connection superuser = cluster.superuserConnection("supportdesk")) {
            collect(superuser, "tickets", "subject", DurabilityClients.TICKET_SUBJECT, tenant, rows);
            collect(superuser, "messages", "body", DurabilityClients.REPLY_BODY, tenant, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read what the run stored", e);
        }
        return rows;
    }

    /** Adds the tenant's rows of {@code table} whose {@code column} starts with {@code prefix}, by the key after it. */
    private static void collect(
            Connection connection,
            String table,
            String column,
            String prefix,
            TenantId tenant,
            Map<String, List<String>> rows)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + column + ", id::text FROM " + table
                + " WHERE tenant_id = ? AND starts_with(" + column + ", ?)")) {
            query.setObject(1, tenant.value());
            query.setString(2, prefix);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String key = row.getString(1).substring(prefix.length());
                    rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row.getString(2));
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
