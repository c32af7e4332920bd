package org.supportdesk.bootstrap.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.bootstrap.Config;
import org.supportdesk.bootstrap.Onboarding;
import org.supportdesk.bootstrap.Supportdesk;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * One real server on a real PostgreSQL for the security and abuse suites (S9, S17), started on first use and stopped
 * when the JVM ends, so each regression test costs its requests, not a cluster. The server trusts 127.0.0.1 as a
 * proxy, so a test picks the client address it speaks from with {@code X-Forwarded-For} ({@link #freshAddress}) and
 * per-address limits of one test never touch another's.
 */
final class SecurityWorld {
    static final String ACME_ADMIN = "boss@acme.example";
    static final String ACME_ADMIN_PASSWORD = "boss-password-0";

    private static SecurityWorld shared;

    final LocalPostgres cluster;
    final Path dataDir;
    final Supportdesk desk;
    final TestHttp http;
    final StaffActor acmeAdmin;
    private final AtomicInteger addresses = new AtomicInteger();

    private SecurityWorld(LocalPostgres cluster, Path dataDir, Supportdesk desk) {
        this.cluster = cluster;
        this.dataDir = dataDir;
        this.desk = desk;
        this.http = new TestHttp(desk.port());
        this.acmeAdmin = Onboarding.tenant(desk.useCases(), "acme", ACME_ADMIN, ACME_ADMIN_PASSWORD);
    }

    static synchronized SecurityWorld get() {
        if (shared == null) {
            LocalPostgres cluster = LocalPostgres.startThrowaway();
            try {
                Path dataDir = Files.createTempDirectory("supportdesk-security");
                Supportdesk desk = Supportdesk.start(config(cluster, dataDir, Map.of()));
                shared = new SecurityWorld(cluster, dataDir, desk);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    desk.close();
                    cluster.close();
                }));
            } catch (IOException e) {
                cluster.close();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }
        return shared;
    }

    /**
     * Another server over the same database, with some settings of its own (tighter rate limits …); the caller
     * closes it.
     */
    Supportdesk anotherServer(Map<String, String> settings) {
        return Supportdesk.start(config(cluster, dataDir, settings));
    }

    private static Config config(LocalPostgres cluster, Path dataDir, Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(Map.of(
                Config.DB_URL, cluster.jdbcUrl(),
                Config.DB_USER, cluster.user(),
                Config.DB_PASSWORD, cluster.password(),
                Config.PORT, "0",
                Config.JWT_SECRET, "security-suite-secret-that-is-long-enough",
                Config.DATA_DIR, dataDir.toString(),
                Config.TRUSTED_PROXIES, "127.0.0.1"));
        values.putAll(settings);
        return Config.from(values, Optional.empty());
    }

    /** A client address no other test has spoken from (documentation range 198.18.0.0/15, RFC 2544). */
    String freshAddress() {
        int n = addresses.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Sign-in from {@code address}. */
    TestHttp.Response login(String tenant, String email, String password, String address) {
        return http.send(
                null,
                "POST",
                "/api/v1/auth/login",
                "{\"tenant\":\"" + tenant + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                Map.of("X-Forwarded-For", address));
    }
}
