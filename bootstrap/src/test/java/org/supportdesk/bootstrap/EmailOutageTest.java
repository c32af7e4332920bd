package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.bootstrap.SmtpCatcher.await;
import static org.supportdesk.bootstrap.SmtpCatcher.header;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * S14 for email (docs/reliability.md): the mail server is down (connections refused), then stalls (accepts and never
 * answers), then is back on the same port. Every request made meanwhile succeeds at once, since requests only write
 * rows; every committed change's mail arrives once the server is back, each with the {@code Message-ID} its delivery
 * was made with, however many attempts it took. Nothing is timed: waits have deadlines only so a hang fails.
 */
@Timeout(600)
class EmailOutageTest {
    private static SmtpCatcher smtp;
    private static ApiServer server;
    private static TestHttp http;
    private static String boss;
    private static String carla;
    /** The slowest request made while the mail server was away, in nanoseconds: printed, never asserted. */
    private static long slowestRequest;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        smtp = SmtpCatcher.start();
        Map<String, String> settings = new HashMap<>(smtp.settings("support@mail.acme.example"));
        settings.put(ChannelSettings.SMTP_TIMEOUT, "3");
        settings.put(NotifySettings.POLL_MILLIS, "50");
        settings.put(NotifySettings.BACKOFF_MILLIS, "100");
        settings.put(NotifySettings.MAX_BACKOFF_SECONDS, "1");
        settings.put(NotifySettings.MAX_ATTEMPTS, "100");
        server = ApiServer.start(dataDir, settings);
        http = server.http;
        StaffActor admin = Onboarding.tenant(server.desk.useCases(), "acme", "boss@acme.example", "boss-password");
        boss = server.signIn("acme", "boss@acme.example", "boss-password");
        server.person(admin, "acme", "Carla", Role.CUSTOMER);
        carla = server.signIn("acme", "carla@acme.example", "carla-password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    /** A ticket filed by Carla and answered by the admin: a mail to the admin, two to Carla (reply, status). */
    private static void fileAndAnswer(int n) {
        TestHttp.Response filed = timed(() -> http.post(
                carla,
                "/api/v1/portal/tickets",
                "{\"subject\":\"Outage " + n + "\",\"description\":\"while the mail server is away\","
                        + "\"category\":\"technical\"}"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        TestHttp.Response replied = timed(() -> http.post(
                boss,
                "/api/v1/tickets/" + filed.json().get("id").asText() + "/messages",
                "{\"kind\":\"public\",\"body\":\"We are on it (" + n + ")\"}"));
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);
    }

    private static TestHttp.Response timed(Supplier<TestHttp.Response> request) {
        long started = System.nanoTime();
        TestHttp.Response response = request.get();
        slowestRequest = Math.max(slowestRequest, System.nanoTime() - started);
        return response;
    }

    /** Every email delivery in the outbox, any state. */
    private static List<JsonNode> emailDeliveries() {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode listed =
                    http.get(boss, "/api/v1/outbox?limit=100&page=" + page).json();
            listed.get("items").forEach(item -> {
                if (item.get("channel").asText().equals("email")) {
                    all.add(item);
                }
            });
            if (page >= listed.get("pagination").get("total_pages").asInt()) {
                return all;
            }
        }
    }

    @Test
    void mail_owed_while_the_server_was_down_or_stalling_all_arrives_once_it_is_back_with_the_same_message_ids()
            throws Exception {
        smtp.stop();
        for (int n = 1; n <= 5; n++) {
            fileAndAnswer(n);
        }
        await(
                "attempts refused while the mail server is down",
                120,
                () -> emailDeliveries().size() == 15
                        && emailDeliveries().stream()
                                .allMatch(d -> d.get("state").asText().equals("failed")
                                        && d.get("attempts").asInt() >= 2));

        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket()) {
            silent.setReuseAddress(true);
            silent.bind(new InetSocketAddress("127.0.0.1", smtp.port()));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the stall is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            await("the dispatcher connecting to the stalled server", 120, () -> !held.isEmpty());

            // An attempt hangs on the stalled server right now; requests go on regardless.
            for (int n = 6; n <= 7; n++) {
                fileAndAnswer(n);
            }
            await("an attempt that timed out on the stalled server", 120, () -> emailDeliveries().stream()
                    .anyMatch(d -> d.get("last_error").asText("").contains("timed out")));
        } finally {
            for (Socket socket : held) {
                closeQuietly(socket);
            }
        }

        smtp.restart();
        await("all 21 mails", 120, () -> smtp.received().size() >= 21);
        await("every email delivery marked sent", 120, () -> emailDeliveries().stream()
                .allMatch(d -> d.get("state").asText().equals("sent")));

        List<JsonNode> deliveries = emailDeliveries();
        Set<String> keys =
                deliveries.stream().map(d -> d.get("dedup_key").asText()).collect(Collectors.toSet());
        List<String> received =
                smtp.received().stream().map(m -> header(m, "Message-ID")).toList();
        assertThat(deliveries).hasSize(21);
        assertThat(received)
                .as("each mail once, with the id its delivery was made with")
                .hasSize(21);
        assertThat(Set.copyOf(received)).isEqualTo(keys);
        assertThat(deliveries.stream().filter(d -> d.get("attempts").asInt() > 1))
                .as("retried across the outage")
                .hasSizeGreaterThanOrEqualTo(15);
        System.out.printf(
                "S14 email: 21 mails owed across an outage and a stall, the slowest of the 14 requests meanwhile %d ms;"
                        + " %d attempts in all, at most %d for one; every one arrived once with its Message-ID%n",
                slowestRequest / 1_000_000,
                deliveries.stream().mapToInt(d -> d.get("attempts").asInt()).sum(),
                deliveries.stream()
                        .mapToInt(d -> d.get("attempts").asInt())
                        .max()
                        .orElse(0));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
