package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's hash chain from outside (§16): {@code GET /api/v1/audit-log/verify} for a tenant's admins, and the
 * operator's {@code journal verify} for every tenant, before and after a superuser rewrites an entry in the database.
 */
@Timeout(180)
class JournalVerifyTest {
    private static ApiServer api;
    private static String admin;
    private static ApiServer.Acme acme;

    @TempDir
    static Path dataDir;

    private final ByteArrayOutputStream cliOut = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        api = ApiServer.start(dataDir);
        acme = api.acme();
        admin = api.signIn("acme", "boss@acme.example", "boss-password");
        TestHttp.Response filed = api.http.post(
                acme.customer(),
                "/api/v1/portal/tickets",
                "{\"subject\":\"Printer on fire\",\"description\":\"Smoke\",\"category\":\"technical\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        TestHttp.Response replied = api.http.post(
                acme.agent(),
                "/api/v1/tickets/" + filed.json().get("id").asText() + "/messages",
                "{\"kind\":\"public\",\"body\":\"On it\"}");
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void an_admin_sees_the_chain_verified_then_broken_where_a_superuser_rewrote_it() throws SQLException {
        JsonNode intact = verify();
        assertThat(intact.get("verified").asBoolean()).isTrue();
        assertThat(intact.get("entries").asLong()).isEqualTo(entriesOfAcme()).isGreaterThanOrEqualTo(3);
        assertThat(intact.get("first_broken_at").isNull()).isTrue();
        assertThat(intact.get("head_hash").asText()).matches("[0-9a-f]{64}");
        assertThat(api.http.get(acme.agent(), "/api/v1/audit-log/verify").status())
                .isEqualTo(403);
        assertThat(api.http.get(acme.customer(), "/api/v1/audit-log/verify").status())
                .isEqualTo(403);
        assertThat(operatorVerifies())
                .as(cliOut.toString(StandardCharsets.UTF_8))
                .isEqualTo(Main.OK);
        assertThat(cliOut.toString(StandardCharsets.UTF_8))
                .contains("verified, " + intact.get("entries").asLong() + " entries, head "
                        + intact.get("head_hash").asText());

        rewriteSecondEntryOfAcme();

        JsonNode broken = verify();
        assertThat(broken.get("verified").asBoolean()).isFalse();
        assertThat(broken.get("first_broken_at").asLong()).isEqualTo(2);
        assertThat(broken.get("entries").asLong())
                .isEqualTo(intact.get("entries").asLong());
        cliOut.reset();
        assertThat(operatorVerifies()).isEqualTo(Main.FAILED);
        assertThat(cliOut.toString(StandardCharsets.UTF_8))
                .contains("BROKEN at entry 2 of " + intact.get("entries").asLong());
    }

    private int operatorVerifies() {
        Main cli = new Main(
                api.database.settings(),
                new PrintStream(cliOut, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return cli.run("journal", "verify");
    }

    private static JsonNode verify() {
        TestHttp.Response verdict = api.http.get(admin, "/api/v1/audit-log/verify");
        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        return verdict.json();
    }

    private static long entriesOfAcme() throws SQLException {
        try (Connection superuser = superuser();
                PreparedStatement sql = superuser.prepareStatement(
                        "SELECT count(*) FROM journal WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'acme')");
                ResultSet count = sql.executeQuery()) {
            count.next();
            return count.getLong(1);
        }
    }

    /** What someone with the database's superuser could do: turn the append-only trigger off and edit an entry. */
    private static void rewriteSecondEntryOfAcme() throws SQLException {
        try (Connection superuser = superuser();
                Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            int rewritten = sql.executeUpdate("UPDATE journal SET correlation_id = 'nothing-to-see' WHERE seq = 2"
                    + " AND tenant_id = (SELECT id FROM tenants WHERE slug = 'acme')");
            assertThat(rewritten).isEqualTo(1);
        }
    }

    private static Connection superuser() throws SQLException {
        return api.database.cluster().superuserConnection(api.database.cluster().database());
    }
}
