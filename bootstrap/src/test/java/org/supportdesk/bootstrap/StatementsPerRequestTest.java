package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.domain.tenant.Person;

/**
 * How many SQL statements each main route sends, pinned exactly, so that a change which adds a round trip fails here
 * and prints what the request sent. Counted at the JDBC boundary for the request's correlation id: every statement
 * the request's thread executes (the tenant binding, sign-in and rate-limit lookups, reads, writes, journal, outbox,
 * change feed), a batch as one, plus each transaction's {@code BEGIN} and {@code COMMIT}. Each measured request
 * follows a warm-up request of its kind, so one-time work (caches, prepared plans) is not counted.
 */
@Timeout(300)
class StatementsPerRequestTest {
    private static final Map<String, List<String>> SENT = new ConcurrentHashMap<>();

    @TempDir
    static Path dataDir;

    private static ApiServer server;
    private static TestHttp http;
    private static String customer;
    private static String agent;
    private static String integration;
    private static Person carla;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir, Map.of(), Optional.of((correlationId, sql) -> SENT.computeIfAbsent(
                        correlationId, id -> Collections.synchronizedList(new ArrayList<>()))
                .add(sql)));
        http = server.http;
        ApiServer.Acme acme = server.acme();
        carla = acme.carla();
        customer = acme.customer();
        agent = acme.agent();
        String admin = server.signIn("acme", "boss@acme.example", "boss-password");
        TestHttp.Response created = http.post(admin, "/api/v1/api-tokens", "{\"name\":\"CRM\",\"role\":\"agent\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        integration = created.json().get("token").asText();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void customer_files_a_ticket_on_the_portal() {
        assertStatements(14, () -> http.post(customer, "/api/v1/portal/tickets", filing("Printer")), 201);
    }

    @Test
    void staff_file_a_ticket_for_a_requester() {
        String body = "{\"requester_id\":\"" + carla.id().value()
                + "\",\"subject\":\"Phone call\",\"description\":\"Called about the printer\",\"category\":"
                + "\"technical\",\"priority\":\"medium\"}";
        assertStatements(14, () -> http.post(agent, "/api/v1/tickets", body), 201);
    }

    @Test
    void staff_reply_publicly() {
        String ticket = portalTicket();
        assertStatements(13, () -> http.post(agent, messages(ticket), message("public", "On our way")), 201);
    }

    @Test
    void customer_replies() {
        String ticket = portalTicket();
        assertStatements(
                13,
                () -> http.post(
                        customer, "/api/v1/portal/tickets/" + ticket + "/messages", "{\"body\":\"Still smoking\"}"),
                201);
    }

    @Test
    void staff_add_an_internal_note() {
        String ticket = portalTicket();
        assertStatements(9, () -> http.post(agent, messages(ticket), message("internal", "Call facilities")), 201);
    }

    @Test
    void staff_patch_a_ticket() {
        String ticket = portalTicket();
        List<String> priorities = List.of("low", "urgent");
        int[] next = {0};
        assertStatements(
                13,
                () -> patch(
                        ticket,
                        "{\"priority\":\"" + priorities.get(next[0]++ % 2) + "\",\"tags\":[\"t" + next[0] + "\"]}"),
                200);
    }

    @Test
    void staff_change_a_status() {
        List<String> statuses = List.of("on_hold", "in_progress");
        String ticket = portalTicket();
        int[] next = {0};
        assertStatements(14, () -> patch(ticket, "{\"status\":\"" + statuses.get(next[0]++ % 2) + "\"}"), 200);
    }

    @Test
    void staff_read_one_ticket() {
        String ticket = portalTicket();
        assertStatements(9, () -> http.get(agent, "/api/v1/tickets/" + ticket), 200);
    }

    @Test
    void customer_reads_one_ticket() {
        String ticket = portalTicket();
        assertStatements(8, () -> http.get(customer, "/api/v1/portal/tickets/" + ticket), 200);
    }

    @Test
    void staff_list_by_requester() {
        portalTicket();
        assertStatements(
                5,
                () -> http.get(agent, "/api/v1/tickets?requester=" + carla.id().value()),
                200);
    }

    /** An integration's API token is looked up in one statement too, as a signed-in person is. */
    @Test
    void an_integration_lists_with_its_api_token() {
        assertStatements(5, () -> http.get(integration, "/api/v1/tickets?status=new&priority=high&sort=due"), 200);
    }

    @Test
    void staff_list_with_a_filter() {
        portalTicket();
        assertStatements(5, () -> http.get(agent, "/api/v1/tickets?status=new&priority=high&sort=due"), 200);
    }

    @Test
    void customer_lists_own_tickets() {
        portalTicket();
        assertStatements(5, () -> http.get(customer, "/api/v1/portal/tickets"), 200);
    }

    @Test
    void staff_search_full_text() {
        portalTicket();
        assertStatements(5, () -> http.get(agent, "/api/v1/tickets?q=printer"), 200);
    }

    @Test
    void staff_read_the_stats() {
        portalTicket();
        assertStatements(5, () -> http.get(agent, "/api/v1/tickets/stats"), 200);
    }

    @Test
    void staff_read_a_change_feed_page() {
        portalTicket();
        assertStatements(7, () -> http.get(agent, "/api/v1/changes?limit=50"), 200);
    }

    /**
     * Sends {@code request} twice, the first time to warm up, and checks that the second was answered {@code status}
     * and sent exactly {@code expected} statements.
     */
    private static void assertStatements(int expected, Supplier<TestHttp.Response> request, int status) {
        TestHttp.Response warmUp = request.get();
        assertThat(warmUp.status()).as(warmUp.body()).isEqualTo(status);
        TestHttp.Response measured = request.get();
        assertThat(measured.status()).as(measured.body()).isEqualTo(status);
        List<String> sent = List.copyOf(SENT.getOrDefault(measured.correlationId(), List.of()));
        assertThat(sent.size()).as("statements sent:%n%s", numbered(sent)).isEqualTo(expected);
    }

    private static String numbered(List<String> sent) {
        return IntStream.range(0, sent.size())
                .mapToObj(i -> String.format(
                        "%3d  %s", i + 1, sent.get(i).replaceAll("\\s+", " ").strip()))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static String portalTicket() {
        TestHttp.Response filed = http.post(customer, "/api/v1/portal/tickets", filing("Printer on fire"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    private static String filing(String subject) {
        return "{\"subject\":\"" + subject + "\",\"description\":\"Smoke everywhere\",\"category\":\"technical\","
                + "\"priority\":\"high\"}";
    }

    private static String messages(String ticket) {
        return "/api/v1/tickets/" + ticket + "/messages";
    }

    private static String message(String kind, String body) {
        return "{\"kind\":\"" + kind + "\",\"body\":\"" + body + "\"}";
    }

    private static TestHttp.Response patch(String ticket, String body) {
        return http.send(agent, "PATCH", "/api/v1/tickets/" + ticket, body);
    }
}
