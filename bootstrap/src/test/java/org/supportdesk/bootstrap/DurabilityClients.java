package org.supportdesk.bootstrap;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.bootstrap.WriteHistory.Attempt;
import org.supportdesk.bootstrap.WriteHistory.Kind;
import org.supportdesk.bootstrap.WriteHistory.Outcome;

/**
 * Single-threaded clients, as Jepsen's: each files a ticket as the customer, then posts replies to it as the agent,
 * every write with an {@code Idempotency-Key} of its own, and records every attempt in the history. An indeterminate
 * attempt (a 5xx, or no answer because the server died) is tried again with the same key and body until the answer is
 * definite, so each operation ends acknowledged or refused, and the check can hold the database to exactly once.
 */
final class DurabilityClients implements AutoCloseable {
    /** What a ticket's subject and a reply's body start with; the key follows. */
    static final String TICKET_SUBJECT = "Durability ";

    static final String REPLY_BODY = "Reply ";

    private static final int REPLIES_PER_TICKET = 3;
    private static final long RETRY_PAUSE_MS = 100;

    private final TestHttp http;
    private final String customerToken;
    private final String agentToken;
    private final String run;
    private final WriteHistory history;
    private final ExecutorService clients;
    private volatile boolean running = true;

    private DurabilityClients(
            int count, int port, String customerToken, String agentToken, String run, WriteHistory history) {
        this.http = new TestHttp(port);
        this.customerToken = customerToken;
        this.agentToken = agentToken;
        this.run = run;
        this.history = history;
        this.clients = Executors.newFixedThreadPool(count);
        for (int client = 0; client < count; client++) {
            int number = client;
            clients.submit(() -> writeUntilStopped(number));
        }
    }

    /** {@code count} clients writing to the server on {@code port}; keys start with {@code run}. */
    static DurabilityClients start(
            int count, int port, String customerToken, String agentToken, String run, WriteHistory history) {
        return new DurabilityClients(count, port, customerToken, agentToken, run, history);
    }

    private void writeUntilStopped(int client) {
        for (int ticket = 0; running; ticket++) {
            String key = run + "-" + client + "-" + ticket;
            Optional<String> filed = perform(
                    Kind.TICKET,
                    key,
                    customerToken,
                    "/api/v1/portal/tickets",
                    "{\"subject\":\"" + TICKET_SUBJECT + key
                            + "\",\"description\":\"Durability run\",\"category\":\"technical\"}");
            for (int reply = 0; reply < REPLIES_PER_TICKET && running && filed.isPresent(); reply++) {
                String replyKey = key + "-" + reply;
                perform(
                        Kind.REPLY,
                        replyKey,
                        agentToken,
                        "/api/v1/tickets/" + filed.get() + "/messages",
                        "{\"kind\":\"public\",\"body\":\"" + REPLY_BODY + replyKey + "\"}");
            }
        }
    }

    /** Tries until the answer is definite; answers the id an acknowledgement named, empty when refused. */
    private Optional<String> perform(Kind kind, String key, String token, String path, String body) {
        while (!Thread.currentThread().isInterrupted()) {
            long invoked = System.nanoTime();
            Outcome outcome;
            String id = "";
            try {
                TestHttp.Response response =
                        http.send(token, "POST", path, body, Map.of(IdempotentCreation.HEADER, key));
                outcome = response.status() == 201 ? Outcome.OK : response.status() < 500 ? Outcome.FAIL : Outcome.INFO;
                if (outcome == Outcome.OK) {
                    id = response.json().get("id").asText();
                }
            } catch (IllegalStateException noAnswer) {
                outcome = Outcome.INFO;
            }
            history.record(new Attempt(kind, key, outcome, invoked, System.nanoTime(), id));
            if (outcome != Outcome.INFO) {
                return outcome == Outcome.OK ? Optional.of(id) : Optional.empty();
            }
            pause();
        }
        return Optional.empty();
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Lets every client finish the operation it is on (retrying until definite) and start no other, waiting at most
     * {@code limit}: after that the operations still open stay indeterminate, and the check reports them.
     */
    void stop(Duration limit) {
        running = false;
        clients.shutdown();
        try {
            clients.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
