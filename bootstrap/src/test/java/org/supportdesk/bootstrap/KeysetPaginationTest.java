package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyset pagination over HTTP (§16): following {@code next_cursor} through the ticket lists while another client files
 * tickets returns every ticket that was there before exactly once and never one twice, where {@code page} would repeat
 * the rows pushed over by each filing; cursors that do not fit the request are refused with 400.
 */
@Timeout(180)
class KeysetPaginationTest {
    private static final int TICKETS = 30;
    private static final int LIMIT = 7;

    private static ApiServer api;
    private static ApiServer.Acme acme;
    private static final List<String> filedBefore = new ArrayList<>();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        api = ApiServer.start(dataDir);
        acme = api.acme();
        for (int i = 0; i < TICKETS; i++) {
            filedBefore.add(file("Before the walk " + i));
        }
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/tickets?sort=-created", "/api/v1/tickets?sort=created", "/api/v1/portal/tickets"})
    void following_next_cursor_while_tickets_are_filed_lists_each_ticket_once(String list) throws Exception {
        String token = list.startsWith("/api/v1/portal") ? acme.customer() : acme.agent();
        AtomicBoolean walking = new AtomicBoolean(true);
        AtomicInteger filedDuring = new AtomicInteger();
        ExecutorService filer = Executors.newSingleThreadExecutor();
        List<String> walked = new ArrayList<>();
        try {
            Future<?> filing = filer.submit(() -> {
                // Bounded: at most 40 filings, whatever the walk does.
                while (walking.get() && filedDuring.get() < 40) {
                    file("During the walk " + filedDuring.incrementAndGet());
                }
            });
            String separator = list.contains("?") ? "&" : "?";
            JsonNode page = get(token, list + separator + "limit=" + LIMIT);
            for (int expectedPage = 1; ; expectedPage++) {
                assertThat(page.get("pagination").get("page").asInt()).isEqualTo(expectedPage);
                page.get("items").forEach(ticket -> walked.add(ticket.get("id").asText()));
                JsonNode next = page.get("pagination").get("next_cursor");
                if (next.isNull()) {
                    break;
                }
                page = get(token, list + separator + "limit=" + LIMIT + "&cursor=" + next.asText());
            }
            walking.set(false);
            filing.get();
        } finally {
            walking.set(false);
            filer.shutdownNow();
        }

        Set<String> seen = new HashSet<>();
        assertThat(walked)
                .allSatisfy(id ->
                        assertThat(seen.add(id)).as("listed twice: %s", id).isTrue());
        assertThat(walked).containsAll(filedBefore);
    }

    @Test
    void following_the_audit_logs_next_cursor_while_staff_keep_working_lists_each_entry_once() throws Exception {
        String admin = api.signIn("acme", "boss@acme.example", "boss-password");
        for (String ticket : filedBefore.subList(0, 12)) {
            reply(ticket, "Before the walk");
        }
        List<String> before = new ArrayList<>();
        get(admin, "/api/v1/audit-log?limit=100")
                .get("items")
                .forEach(entry -> before.add(entry.get("id").asText()));
        assertThat(before).hasSizeGreaterThanOrEqualTo(12);
        AtomicBoolean walking = new AtomicBoolean(true);
        ExecutorService replier = Executors.newSingleThreadExecutor();
        List<String> walked = new ArrayList<>();
        try {
            Future<?> replying = replier.submit(() -> {
                for (int i = 0; walking.get() && i < 20; i++) {
                    reply(filedBefore.get(12 + i % 10), "During the walk " + i);
                }
            });
            JsonNode page = get(admin, "/api/v1/audit-log?limit=5");
            while (true) {
                page.get("items").forEach(entry -> walked.add(entry.get("id").asText()));
                JsonNode next = page.get("pagination").get("next_cursor");
                if (next.isNull()) {
                    break;
                }
                page = get(admin, "/api/v1/audit-log?limit=5&cursor=" + next.asText());
            }
            walking.set(false);
            replying.get();
        } finally {
            walking.set(false);
            replier.shutdownNow();
        }

        assertThat(walked).doesNotHaveDuplicates().containsAll(before);
    }

    @Test
    void a_cursor_that_does_not_fit_the_request_is_refused() {
        String cursor = get(acme.agent(), "/api/v1/tickets?limit=2")
                .get("pagination")
                .get("next_cursor")
                .asText();

        assertThat(status("/api/v1/tickets?limit=2&cursor=" + cursor)).isEqualTo(200);
        assertThat(status("/api/v1/tickets?limit=2&page=2&cursor=" + cursor)).isEqualTo(400);
        assertThat(status("/api/v1/tickets?limit=2&sort=priority&cursor=" + cursor))
                .isEqualTo(400);
        assertThat(status("/api/v1/tickets?limit=2&cursor=not-a-cursor")).isEqualTo(400);
        assertThat(status("/api/v1/tickets?limit=2&cursor=" + cursor.substring(0, cursor.length() / 2)))
                .isEqualTo(400);
    }

    private static int status(String path) {
        TestHttp.Response response = api.http.get(acme.agent(), path);
        if (response.status() == 400) {
            assertThat(response.body()).contains("cursor");
        }
        return response.status();
    }

    private static JsonNode get(String token, String path) {
        TestHttp.Response response = api.http.get(token, path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void reply(String ticket, String body) {
        TestHttp.Response replied = api.http.post(
                acme.agent(),
                "/api/v1/tickets/" + ticket + "/messages",
                "{\"kind\":\"public\",\"body\":\"" + body + "\"}");
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);
    }

    private static String file(String subject) {
        TestHttp.Response filed = api.http.post(
                acme.customer(),
                "/api/v1/portal/tickets",
                "{\"subject\":\"" + subject + "\",\"description\":\"Details\",\"category\":\"technical\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }
}
