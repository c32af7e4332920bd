package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies to hot tickets from many clients at once, as the load harness sends them (issue 15, where 1 in 5 was
 * answered 412): without If-Match the last write wins (§17), so every reply is taken and lands exactly once; with a
 * stale If-Match it is still refused. Half the clients reply as the customer, half as an agent.
 */
@Timeout(300)
class ConcurrentRepliesTest {
    private static final int CLIENTS = 8;
    private static final int REPLIES_PER_CLIENT = 10;

    @TempDir
    static Path dataDir;

    private static ApiServer server;
    private static String customer;
    private static String agent;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
        ApiServer.Acme acme = server.acme();
        customer = acme.customer();
        agent = acme.agent();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eight_clients_replying_to_two_hot_tickets_without_if_match_all_get_201_and_each_reply_lands_once()
            throws Exception {
        List<String> tickets = List.of(portalTicket("Hot one"), portalTicket("Hot two"));

        List<TestHttp.Response> answers = eachClient(client -> {
            List<TestHttp.Response> mine = new ArrayList<>();
            for (int i = 0; i < REPLIES_PER_CLIENT; i++) {
                String ticket = tickets.get((client + i) % tickets.size());
                mine.add(
                        client % 2 == 0
                                ? server.http.post(
                                        customer,
                                        "/api/v1/portal/tickets/" + ticket + "/messages",
                                        "{\"body\":\"" + body(client, i) + "\"}")
                                : server.http.post(
                                        agent,
                                        "/api/v1/tickets/" + ticket + "/messages",
                                        "{\"kind\":\"public\",\"body\":\"" + body(client, i) + "\"}"));
            }
            return mine;
        });

        assertThat(answers)
                .as(
                        "answers that were not 201: %s",
                        answers.stream().filter(a -> a.status() != 201).toList())
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        List<String> landed = new ArrayList<>();
        for (String ticket : tickets) {
            JsonNode read = server.http.get(agent, "/api/v1/tickets/" + ticket).json();
            read.get("messages")
                    .forEach(message -> landed.add(message.get("body").asText()));
        }
        List<String> sent = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            for (int i = 0; i < REPLIES_PER_CLIENT; i++) {
                sent.add(body(client, i));
            }
        }
        assertThat(landed.stream().filter(body -> body.startsWith("Reply ")).collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void a_reply_with_a_stale_if_match_is_still_refused_with_412() {
        String ticket = portalTicket("Raced");
        String etag = server.http.get(agent, "/api/v1/tickets/" + ticket).etag();
        TestHttp.Response first = server.http.post(
                agent, "/api/v1/tickets/" + ticket + "/messages", "{\"kind\":\"public\",\"body\":\"First\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        TestHttp.Response stale = server.http.send(
                agent,
                "POST",
                "/api/v1/tickets/" + ticket + "/messages",
                "{\"kind\":\"public\",\"body\":\"Second\"}",
                Map.of("If-Match", etag));

        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
    }

    private static String body(int client, int i) {
        return "Reply " + client + "-" + i;
    }

    private static String portalTicket(String subject) {
        TestHttp.Response filed = server.http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"" + subject + "\",\"description\":\"Smoke\",\"category\":\"technical\","
                        + "\"priority\":\"high\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    /** Runs {@code client} on {@link #CLIENTS} threads at once, numbered from 0, and gathers their answers. */
    private static List<TestHttp.Response> eachClient(Function<Integer, List<TestHttp.Response>> client)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<TestHttp.Response>>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int number = c;
                futures.add(pool.submit(() -> client.apply(number)));
            }
            List<TestHttp.Response> answers = new ArrayList<>();
            for (Future<List<TestHttp.Response>> future : futures) {
                answers.addAll(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
