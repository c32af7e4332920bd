package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * The export streams: a server in a child JVM with a 64 MB heap exports 100,000 tickets whole. Held in memory at once
 * they would take several times that heap (as tickets, or as a result set PostgreSQL's driver read in full), so the
 * export can only finish if every layer passes the rows on as it reads them: the JDBI cursor, the use case's sink and
 * the CSV writer on the response. The server must still be up afterwards, and its log free of OutOfMemoryError.
 */
@Timeout(600)
class ExportInConstantMemoryTest {
    private static final int TICKETS = 100_000;
    private static final String HEAP = "-Xmx64m";
    private static final String SECRET = "export-memory-secret-that-is-long-enough";

    @TempDir
    Path dataDir;

    @Test
    void a_server_with_a_64_mb_heap_exports_a_hundred_thousand_tickets() throws Exception {
        try (LocalPostgres cluster = LocalPostgres.startThrowaway()) {
            Map<String, String> settings = Map.of(
                    Config.DB_URL, cluster.jdbcUrl(),
                    Config.DB_USER, cluster.user(),
                    Config.DB_PASSWORD, cluster.password(),
                    Config.HOST, "127.0.0.1",
                    Config.JWT_SECRET, SECRET,
                    Config.DATA_DIR, dataDir.toString());
            Config config = Config.from(settings, Optional.empty());
            try (OpenDatabase database = OpenDatabase.open(config)) {
                Core core = Core.over(database.jdbi(), Clock.systemUTC(), config);
                StaffActor boss = Onboarding.tenant(core.useCases(), "bulk", "boss@bulk.example", "boss-password");
                Person carla = Onboarding.person(
                        core.useCases(), boss, "carla@bulk.example", "Carla", Role.CUSTOMER, Optional.empty());
                insertTickets(database.pool(), boss.tenant(), carla.id());
            }

            int port = freePort();
            Path log = dataDir.resolve("server.log");
            Process server = serve(settings, port, log);
            try {
                awaitRunning(server, log);
                Exported exported = export(port, signIn(port));

                assertThat(exported.status()).as(Files.readString(log)).isEqualTo(200);
                assertThat(exported.byteOrderMark()).isTrue();
                assertThat(exported.rows()).as(Files.readString(log)).isEqualTo(TICKETS);
                assertThat(exported.neutralised()).isEqualTo(TICKETS / 1_000);
                assertThat(exported.firstNumbers())
                        .containsExactly("TKT-2026-101000", "TKT-2026-100999"); // oldest first
                assertThat(server.isAlive())
                        .as("the server survived the export")
                        .isTrue();
                assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
            } finally {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    /**
     * 100,000 tickets of the tenant in one statement, newest first by number; every thousandth has a subject a
     * spreadsheet would run as a formula, and all of them a comma and quotes.
     */
    private static void insertTickets(DataSource pool, TenantId tenant, UserId requester) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement bind =
                    connection.prepareStatement("SELECT set_config('supportdesk.tenant_id', ?, true)")) {
                bind.setString(1, tenant.toString());
                bind.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    INSERT INTO tickets (tenant_id, id, number_year, number_sequence, subject, description, category,
                        priority, status, requester_id, source, custom_fields, sla_policy_version, sla_calendar_version,
                        created_at, updated_at, customer_updated_at, messages_count, version)
                    SELECT ?, gen_random_uuid(), 2026, 1000 + g,
                           CASE WHEN g % 1000 = 0 THEN '=HYPERLINK("http://evil.example","' || g || '")'
                                ELSE 'Bulk ticket ' || g || ', "quoted", ünïcødé' END,
                           'Filed in bulk for the export test', 'question', 'medium', 'new', ?, 'api', '{}', 1, 1,
                           now() - g * interval '1 second', now(), now(), 0, 1
                      FROM generate_series(1, ?) AS g
                    """)) {
                insert.setObject(1, tenant.value());
                insert.setObject(2, requester.value());
                insert.setInt(3, TICKETS);
                assertThat(insert.executeUpdate()).isEqualTo(TICKETS);
            }
            connection.commit();
        }
    }

    /** {@code supportdesk serve} in a child JVM with the small heap, exiting on an OutOfMemoryError. */
    private static Process serve(Map<String, String> settings, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                Integer.toString(port)));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SUPPORTDESK_"));
        builder.environment().putAll(settings);
        return builder.start();
    }

    private static void awaitRunning(Process server, Path log) throws IOException, InterruptedException {
        for (int i = 0; i < 1_200; i++) {
            if (Files.readString(log).contains("Supportdesk is running at")) {
                return;
            }
            if (!server.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not start:\n" + Files.readString(log));
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String signIn(int port) throws IOException, InterruptedException {
        HttpResponse<String> login = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"tenant\":\"bulk\",\"email\":\"boss@bulk.example\",\"password\":\"boss-password\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String body = login.body();
        int start = body.indexOf("\"token\":\"") + "\"token\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    /** What the client read, parsing as the bytes arrive: it never holds the export either. */
    private record Exported(
            int status, boolean byteOrderMark, long rows, long neutralised, List<String> firstNumbers) {}

    private static Exported export(int port, String token) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = CLIENT.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/tickets/export.csv?sort=created"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofMinutes(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (Reader reader = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
            boolean bom = reader.read() == '\uFEFF';
            long rows = 0;
            long neutralised = 0;
            List<String> first = new ArrayList<>();
            try (CSVParser parser =
                    CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
                for (CSVRecord record : parser) {
                    rows++;
                    if (record.get("subject").startsWith("'=HYPERLINK(")) {
                        neutralised++;
                    }
                    if (first.size() < 2) {
                        first.add(record.get("number"));
                    }
                }
            }
            return new Exported(response.statusCode(), bom, rows, neutralised, first);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
