package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.adapter.persistence.PostgresAccount;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * The cluster {@code serve} starts for itself is supervised: when its postmaster is killed ({@code SIGKILL}), the
 * server answers writes again within seconds, with no restart of the server, and answers 503 (never 500) meanwhile.
 */
@Timeout(180)
class ClusterSupervisionTest {
    /**
     * The watchdog looks every second, PostgreSQL replays its WAL before it accepts connections, and the pool retries
     * connecting with a backoff of up to 5 s (HikariCP's own).
     */
    private static final long RECOVERY_BAR_MS = 20_000;

    @TempDir
    Path dataDir;

    @Test
    void a_killed_postmaster_of_the_servers_own_cluster_is_restarted_and_writes_resume() throws Exception {
        // The account that runs the cluster must reach it when the tests run as root.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Config config = Config.from(
                Map.of(
                        "SUPPORTDESK_DATA_DIR", dataDir.toString(),
                        "SUPPORTDESK_HOST", "127.0.0.1",
                        "SUPPORTDESK_PORT", "0",
                        "SUPPORTDESK_JWT_SECRET", "supervision-test-secret-long-enough!"),
                Optional.empty());
        try (Supportdesk server = Supportdesk.start(config)) {
            StaffActor admin = Onboarding.tenant(server.useCases(), "supervised", "boss@sup.example", "boss-password");
            Person customer = Onboarding.person(
                    server.useCases(), admin, "carla@sup.example", "Carla", Role.CUSTOMER, Optional.empty());
            String token = new JwtTokens(config.jwtSettings(), Clock.systemUTC())
                    .issue(customer.tenant(), customer.id(), customer.role())
                    .token();
            TestHttp http = new TestHttp(server.port());
            assertThat(fileTicket(http, token).status()).isEqualTo(201);
            Path cluster = ClusterLocation.forDataDir(dataDir, PostgresAccount.forThisProcess());
            ProcessHandle postmaster = LocalPostgres.postmasterOf(cluster).orElseThrow();

            assertThat(postmaster.destroyForcibly()).isTrue();
            long killed = System.nanoTime();
            List<Integer> failures = new ArrayList<>();
            TestHttp.Response answer = fileTicket(http, token);
            while (answer.status() != 201 && elapsedMs(killed) < RECOVERY_BAR_MS) {
                failures.add(answer.status());
                Thread.sleep(100);
                answer = fileTicket(http, token);
            }
            long recoveredMs = elapsedMs(killed);

            System.out.printf(
                    "[supervision] postmaster %d killed; first 201 after %d ms; %d refusals meanwhile%n",
                    postmaster.pid(), recoveredMs, failures.size());
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            assertThat(failures).as("refused while down: 503, never 500").allMatch(status -> status == 503);
            assertThat(LocalPostgres.postmasterOf(cluster))
                    .hasValueSatisfying(restarted -> assertThat(restarted.pid()).isNotEqualTo(postmaster.pid()));
        }
    }

    private static TestHttp.Response fileTicket(TestHttp http, String token) {
        return http.post(
                token,
                "/api/v1/portal/tickets",
                "{\"subject\":\"Still there?\",\"description\":\"After a crash\",\"category\":\"technical\"}");
    }

    private static long elapsedMs(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
