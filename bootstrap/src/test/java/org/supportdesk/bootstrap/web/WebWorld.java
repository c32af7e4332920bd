package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
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

/**
 * One real server on a real PostgreSQL and one real Chromium for the browser tests (§15), started on first use and
 * stopped when the JVM ends. Each test takes a tenant of its own ({@link #tenant}), so no test sees another's tickets,
 * and starts from a browser that has forgotten the previous one's session.
 */
public final class WebWorld {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebWorld shared;

    final Supportdesk desk;
    final TestHttp http;
    final String baseUrl;
    private final LocalPostgres cluster;
    private final Map<String, String> settings;
    private final AtomicInteger tenants = new AtomicInteger();
    private Browser browser;

    private WebWorld(LocalPostgres cluster, Map<String, String> settings, Supportdesk desk) {
        this.cluster = cluster;
        this.settings = Map.copyOf(settings);
        this.desk = desk;
        this.http = new TestHttp(desk.port());
        this.baseUrl = "http://127.0.0.1:" + desk.port();
    }

    public static synchronized WebWorld get() {
        if (shared == null) {
            LocalPostgres cluster = LocalPostgres.startThrowaway();
            try {
                Path dataDir = Files.createTempDirectory("supportdesk-web");
                Map<String, String> values = new HashMap<>(Map.of(
                        Config.DB_URL,
                        cluster.jdbcUrl(),
                        Config.DB_USER,
                        cluster.user(),
                        Config.DB_PASSWORD,
                        cluster.password(),
                        Config.HOST,
                        "127.0.0.1",
                        Config.PORT,
                        "0",
                        Config.JWT_SECRET,
                        "web-test-server-secret-that-is-long-enough",
                        Config.DATA_DIR,
                        dataDir.toString(),
                        // Every page, module and sign-in of every browser test comes from 127.0.0.1: the standard
                        // quota for answers without a sign-in (300 a minute per address) would refuse the suite.
                        Config.RATE_LIMIT_PER_ADDRESS,
                        "1000000"));
                WebWorld world =
                        new WebWorld(cluster, values, Supportdesk.start(Config.from(values, Optional.empty())));
                Runtime.getRuntime().addShutdownHook(new Thread(world::close));
                shared = world;
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
     * Another server on the same database and data directory, as a second instance behind a balancer would be, with
     * {@code more} settings (a JWKS, the widget's origins). The caller closes it.
     */
    public Supportdesk anotherInstance(Map<String, String> more) {
        Map<String, String> values = new HashMap<>(settings);
        values.putAll(more);
        return Supportdesk.start(Config.from(values, Optional.empty()));
    }

    /** The browser, signed out of everything, on a blank page of the server. */
    public synchronized Browser freshBrowser() {
        if (browser == null) {
            browser = Browser.start();
        }
        browser.forgetEverything(baseUrl + "/assets/app.css");
        return browser;
    }

    /** A page of the server: {@code url("/desk/#/queue")}. */
    public String url(String path) {
        return baseUrl + path;
    }

    /** A new tenant with an admin, an agent and a customer, all signed in through the API too. */
    public Tenant tenant(String name) {
        String slug = name.toLowerCase(Locale.ROOT) + "-" + tenants.incrementAndGet();
        String password = slug + "-password";
        StaffActor admin = Onboarding.tenant(desk.useCases(), slug, "ada@" + slug + ".example", password);
        Account ada = account(slug, "ada@" + slug + ".example", password);
        Account agnes = person(admin, slug, "Agnes Agent", Role.AGENT, password);
        Account carla = person(admin, slug, "Carla Customer", Role.CUSTOMER, password);
        return new Tenant(slug, ada, agnes, carla, admin);
    }

    /** Another person of a tenant. */
    public Account person(StaffActor admin, String slug, String name, Role role, String password) {
        String email = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + "@" + slug + ".example";
        Onboarding.person(desk.useCases(), admin, email, name, role, Optional.of(password));
        return account(slug, email, password);
    }

    private Account account(String slug, String email, String password) {
        TestHttp.Response login = http.post(
                null, "/api/v1/auth/login", json(Map.of("tenant", slug, "email", email, "password", password)));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Account(slug, email, password, login.json().get("token").asText());
    }

    /** A JSON request body. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An API call that must succeed; its JSON answer. */
    public JsonNode call(Account who, String method, String path, Object body) {
        TestHttp.Response response = http.send(who.token(), method, path, body == null ? null : json(body));
        assertThat(response.status())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return response.body().isEmpty() ? JSON.nullNode() : response.json();
    }

    /** Someone who signs in: on the pages with the password, on the API with the token. */
    public record Account(String tenant, String email, String password, String token) {}

    /** A tenant and its people: Ada the admin, Agnes the agent, Carla the customer. */
    public record Tenant(String slug, Account admin, Account agent, Account customer, StaffActor adminActor) {}

    private synchronized void close() {
        if (browser != null) {
            browser.close();
        }
        desk.close();
        cluster.close();
    }
}
