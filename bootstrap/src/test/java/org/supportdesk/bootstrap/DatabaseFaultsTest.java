package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Suite S13 (docs/reliability.md): the real server over HTTP under 8 writing clients while its PostgreSQL fails. While
 * the database is away every request answers 503 problem+json with {@code Retry-After}, none stays open longer than the
 * pool's connection wait plus a second, and none is a 500; once the database accepts connections again, writes
 * succeed within 5 s with no restart of the server, and the pool's active connections come back to where they were.
 */
@Timeout(300)
class DatabaseFaultsTest {
    private static final String SECRET = "database-faults-test-secret-long-enough";
    private static final int CLIENTS = 8;
    /** The pool waits 2 s for a connection (Database.CONNECTION_WAIT); a second more for everything else. */
    private static final long OPEN_DURING_OUTAGE_BAR_MS = 3_000;

    private static final long RECOVERY_BAR_MS = 5_000;

    private static LocalPostgres cluster;
    private static Supportdesk server;
    private static String customerToken;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        cluster = LocalPostgres.startThrowaway();
        Config config = config(cluster.jdbcUrl());
        server = Supportdesk.start(config);
        StaffActor admin = Onboarding.tenant(server.useCases(), "faults", "boss@faults.example", "boss-password");
        Person customer = Onboarding.person(
                server.useCases(), admin, "carla@faults.example", "Carla", Role.CUSTOMER, Optional.empty());
        customerToken = new JwtTokens(config.jwtSettings(), Clock.systemUTC())
                .issue(customer.tenant(), customer.id(), customer.role())
                .token();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest
    @EnumSource(LocalPostgres.Shutdown.class)
    void while_postgres_is_stopped_writes_answer_503_fast_and_resume_within_5_s_of_its_return(
            LocalPostgres.Shutdown shutdown) throws Exception {
        Outage outage = underLoad(server, () -> cluster.stop(shutdown), cluster::start);

        outage.print("PostgreSQL stopped -m " + shutdown.name().toLowerCase(Locale.ROOT));
        outage.assertHeld(OPEN_DURING_OUTAGE_BAR_MS);
    }

    /** What the clients saw around one fault, with when it began and when it was healed. */
    record Outage(
            List<WriteLoad.Answer> answers,
            long faultNanos,
            long healedNanos,
            Optional<WriteLoad.Answer> firstWriteAfterHealing,
            int activeBefore,
            int activeAfter) {
        long recoveryMs() {
            return firstWriteAfterHealing
                    .map(first -> TimeUnit.NANOSECONDS.toMillis(first.endedNanos() - healedNanos))
                    .orElse(Long.MAX_VALUE);
        }

        long refusals() {
            return answers.stream().filter(answer -> answer.status() != 201).count();
        }

        /** The requests open at some moment between the fault and its healing. */
        List<WriteLoad.Answer> duringOutage() {
            return answers.stream()
                    .filter(answer -> answer.endedNanos() >= faultNanos && answer.startedNanos() <= healedNanos)
                    .toList();
        }

        long longestDuringOutageMs() {
            return duringOutage().stream()
                    .mapToLong(WriteLoad.Answer::millis)
                    .max()
                    .orElse(0);
        }

        void print(String fault) {
            System.out.printf(
                    "[S13] %s: %d writes, %d refused (503), longest during the outage %d ms, first 201 %d ms after"
                            + " healing, active connections %d -> %d%n",
                    fault,
                    answers.size(),
                    refusals(),
                    longestDuringOutageMs(),
                    recoveryMs(),
                    activeBefore,
                    activeAfter);
        }

        /** The S13 bars: refusals are fast 503s, writes come back within 5 s, the pool back where it was. */
        void assertHeld(long openBarMs) {
            assertThat(refusals()).as("the fault was felt").isPositive();
            assertThat(answers)
                    .as("every answer a 201 or a 503 problem with Retry-After: never a 500 or none at all")
                    .allSatisfy(answer -> {
                        if (answer.status() != 201) {
                            assertThat(answer.status()).isEqualTo(503);
                            assertThat(answer.contentType()).startsWith("application/problem+json");
                            assertThat(answer.retryAfter()).isEqualTo("5");
                        }
                    });
            assertThat(longestDuringOutageMs())
                    .as("no request open longer than the bar during the outage")
                    .isLessThanOrEqualTo(openBarMs);
            assertThat(recoveryMs()).as("first write after healing").isLessThanOrEqualTo(RECOVERY_BAR_MS);
            assertThat(activeAfter).as("active connections back to baseline").isEqualTo(activeBefore);
        }
    }

    /**
     * Runs the clients against {@code target}, brings {@code fault} once they write, keeps it until refusals come (at
     * least a second and a half), heals it, and returns once a write has succeeded again and the clients have stopped.
     */
    static Outage underLoad(Supportdesk target, Runnable fault, Runnable heal) throws InterruptedException {
        TestHttp http = new TestHttp(target.port());
        int activeBefore = target.connectionPool().getActiveConnections();
        long faultNanos;
        long healedNanos;
        WriteLoad load = WriteLoad.start(CLIENTS, () -> http.post(customerToken, "/api/v1/portal/tickets", TICKET));
        try {
            load.await(answer -> answer.status() == 201, 4 * CLIENTS, Duration.ofSeconds(30));
            faultNanos = System.nanoTime();
            fault.run();
            load.await(
                    answer -> answer.startedNanos() > faultNanos && answer.status() != 201,
                    CLIENTS,
                    Duration.ofSeconds(60));
            Thread.sleep(Math.max(0, 1_500 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultNanos)));
            heal.run();
            healedNanos = System.nanoTime();
            load.await(
                    answer -> answer.endedNanos() > healedNanos && answer.status() == 201, 1, Duration.ofSeconds(30));
        } finally {
            load.close();
        }
        return new Outage(
                load.answers(),
                faultNanos,
                healedNanos,
                load.first(answer -> answer.endedNanos() > healedNanos && answer.status() == 201),
                activeBefore,
                target.connectionPool().getActiveConnections());
    }

    private static final String TICKET =
            "{\"subject\":\"Under load\",\"description\":\"While the database comes and goes\",\"category\":\"technical\"}";

    static Config config(String jdbcUrl) {
        return Config.from(
                Map.of(
                        "SUPPORTDESK_DB_URL",
                        jdbcUrl,
                        "SUPPORTDESK_DB_USER",
                        cluster.user(),
                        "SUPPORTDESK_DB_PASSWORD",
                        cluster.password(),
                        "SUPPORTDESK_HOST",
                        "127.0.0.1",
                        "SUPPORTDESK_PORT",
                        "0",
                        "SUPPORTDESK_JWT_SECRET",
                        SECRET,
                        "SUPPORTDESK_DATA_DIR",
                        dataDir.toString()),
                Optional.empty());
    }
}
