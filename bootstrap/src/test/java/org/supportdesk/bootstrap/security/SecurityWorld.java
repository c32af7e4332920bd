package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.bootstrap.Config;
import org.supportdesk.bootstrap.Onboarding;
import org.supportdesk.bootstrap.Supportdesk;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * One real server on a real PostgreSQL for the security and abuse suites (S9, S17), started on first use and stopped
 * when the JVM ends, so each regression test costs its requests, not a cluster. The server trusts 127.0.0.1 as a
 * proxy, so a test picks the client address it speaks from with {@code X-Forwarded-For} ({@link #freshAddress}) and
 * per-address limits of one test never touch another's. Two tenants' people and tickets ({@link #acme}, {@link
 * #globex}) are made on first use and shared; a test that changes something makes its own objects.
 */
final class SecurityWorld {
    static final String ACME_ADMIN = "boss@acme.example";
    static final String ACME_ADMIN_PASSWORD = "boss-password-0";

    /** Every character that some mail, HTTP or log software takes for the end of a line. */
    static final List<String> LINE_BREAKS = List.of("\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SecurityWorld shared;

    final LocalPostgres cluster;
    final Path dataDir;
    final Supportdesk desk;
    final Config config;
    final TestHttp http;
    final StaffActor acmeAdmin;
    private final AtomicInteger addresses = new AtomicInteger();
    private TenantCast acme;
    private TenantCast globex;

    private SecurityWorld(LocalPostgres cluster, Path dataDir, Supportdesk desk, Config config) {
        this.cluster = cluster;
        this.dataDir = dataDir;
        this.desk = desk;
        this.config = config;
        this.http = new TestHttp(desk.port());
        this.acmeAdmin = Onboarding.tenant(desk.useCases(), "acme", ACME_ADMIN, ACME_ADMIN_PASSWORD);
    }

    static synchronized SecurityWorld get() {
        if (shared == null) {
            LocalPostgres cluster = LocalPostgres.startThrowaway();
            try {
                Path dataDir = Files.createTempDirectory("supportdesk-security");
                Config config = config(cluster, dataDir, Map.of());
                Supportdesk desk = Supportdesk.start(config);
                shared = new SecurityWorld(cluster, dataDir, desk, config);
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
        // As in production: migrated as the schema's owner, served as the role with row rights only.
        Map<String, String> values = new HashMap<>(Map.of(
                Config.DB_URL, cluster.jdbcUrl(),
                Config.DB_USER, cluster.runtimeUser(),
                Config.DB_PASSWORD, cluster.runtimePassword(),
                Config.DB_OWNER_USER, cluster.user(),
                Config.DB_OWNER_PASSWORD, cluster.password(),
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
        return login(tenant, email, password, address, Map.of());
    }

    /** Sign-in from {@code address}, with whatever else the client sends along. */
    TestHttp.Response login(String tenant, String email, String password, String address, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("X-Forwarded-For", address);
        return http.send(
                null,
                "POST",
                "/api/v1/auth/login",
                json(Map.of("tenant", tenant, "email", email, "password", password)),
                all);
    }

    /** Acme's people and tickets (beyond its admin), made on first use. */
    synchronized TenantCast acme() {
        if (acme == null) {
            acme = TenantCast.over(this, "acme", acmeAdmin, ACME_ADMIN);
        }
        return acme;
    }

    /** A second tenant, globex, cast like acme, made on first use: the other side of every cross-tenant attack. */
    synchronized TenantCast globex() {
        if (globex == null) {
            String admin = "boss@globex.example";
            globex = TenantCast.over(
                    this, "globex", Onboarding.tenant(desk.useCases(), "globex", admin, "globex-boss-password"), admin);
        }
        return globex;
    }

    /** The number of a ticket that does not exist (in any tenant). */
    static String missingNumber() {
        return "TKT-" + Year.now(ZoneOffset.UTC) + "-999999";
    }

    /** The ids of a list answer's items. */
    static List<String> itemIds(TestHttp.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** {@code value} encoded for a query string. */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code value} as JSON, escaping whatever hostile text it holds. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A bearer token the server itself signed for this person. */
    String token(TenantId tenant, UserId person, Role role) {
        return desk.tokens().issue(tenant, person, role).token();
    }

    /**
     * Asserts that the answer about another's object is the 404 of an object that does not exist, byte for byte, so
     * it tells nobody that the object is there (§8).
     */
    static void assertSameAsMissing(TestHttp.Response foreign, TestHttp.Response missing) {
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).isEqualTo(missing.contentType());
        assertThat(foreign.body()).isEqualTo(missing.body());
    }
}
