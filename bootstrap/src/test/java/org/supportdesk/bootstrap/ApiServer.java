package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.adapter.persistence.StatementListener;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * The whole server on a throwaway PostgreSQL cluster of its own (reached straight, or through PgBouncer), for an API
 * test class: started in its {@code @BeforeAll}, closed in its {@code @AfterAll}, with the people it needs made through
 * the use cases and signed in through the real login.
 */
final class ApiServer implements AutoCloseable {
    private static final String SECRET = "api-test-server-secret-that-is-long-enough";

    final Path dataDir;
    final Supportdesk desk;
    final TestHttp http;
    final ServedDatabase database;
    private final Map<String, String> settings;

    private ApiServer(ServedDatabase database, Path dataDir, Supportdesk desk, Map<String, String> settings) {
        this.database = database;
        this.dataDir = dataDir;
        this.desk = desk;
        this.http = new TestHttp(desk.port());
        this.settings = Map.copyOf(settings);
    }

    /** A server with the standard test settings under {@code dataDir}. */
    static ApiServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** A server with the standard test settings under {@code dataDir}, and {@code settings} on top. */
    static ApiServer start(Path dataDir, Map<String, String> settings) {
        return start(ServedDatabase.direct(), dataDir, settings, Optional.empty());
    }

    /** Like {@link #start(Path, Map)}, telling {@code statements} of every SQL statement the server sends. */
    static ApiServer start(Path dataDir, Map<String, String> settings, Optional<StatementListener> statements) {
        return start(ServedDatabase.direct(), dataDir, settings, statements);
    }

    /** A server with the standard test settings under {@code dataDir}, serving from {@code database}. */
    static ApiServer start(ServedDatabase database, Path dataDir, Map<String, String> settings) {
        return start(database, dataDir, settings, Optional.empty());
    }

    private static ApiServer start(
            ServedDatabase database,
            Path dataDir,
            Map<String, String> settings,
            Optional<StatementListener> statements) {
        try {
            Map<String, String> values = new HashMap<>(database.settings());
            values.putAll(Map.of(
                    Config.HOST,
                    "127.0.0.1",
                    Config.PORT,
                    "0",
                    Config.JWT_SECRET,
                    SECRET,
                    Config.DATA_DIR,
                    dataDir.toString()));
            values.putAll(settings);
            return new ApiServer(
                    database, dataDir, Supportdesk.start(Config.from(values, Optional.empty()), statements), values);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Another instance of the server on the same database and settings, its data directory {@code dataDir} (the
     * caller closes it): several stateless instances behind one balancer.
     */
    Supportdesk anotherInstance(Path dataDir) {
        Map<String, String> values = new HashMap<>(settings);
        values.put(Config.DATA_DIR, dataDir.toString());
        return Supportdesk.start(Config.from(values, Optional.empty()));
    }

    /**
     * A person of {@code tenant} named {@code name}, whose address is the lower-cased name at {@code <tenant>.example}
     * and whose password is that login followed by {@code -password}.
     */
    Person person(StaffActor admin, String tenant, String name, Role role) {
        String login = name.toLowerCase(Locale.ROOT);
        return Onboarding.person(
                desk.useCases(),
                admin,
                login + "@" + tenant + ".example",
                name,
                role,
                Optional.of(login + "-password"));
    }

    /** The tenant acme as most API tests act in it: its admin, Carla (a customer) and Agnes (an agent), both signed in. */
    record Acme(StaffActor admin, Person carla, Person agnes, String customer, String agent) {}

    /** Onboards {@link Acme} on this server. */
    Acme acme() {
        StaffActor admin = Onboarding.tenant(desk.useCases(), "acme", "boss@acme.example", "boss-password");
        Person carla = person(admin, "acme", "Carla", Role.CUSTOMER);
        Person agnes = person(admin, "acme", "Agnes", Role.AGENT);
        return new Acme(
                admin,
                carla,
                agnes,
                signIn("acme", "carla@acme.example", "carla-password"),
                signIn("acme", "agnes@acme.example", "agnes-password"));
    }

    /** The bearer token of a successful sign-in. */
    String signIn(String tenant, String email, String password) {
        TestHttp.Response login = http.post(
                null,
                "/api/v1/auth/login",
                "{\"tenant\":\"" + tenant + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("token").asText();
    }

    @Override
    public void close() {
        desk.close();
        database.close();
    }
}
