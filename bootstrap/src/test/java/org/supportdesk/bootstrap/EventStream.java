package org.supportdesk.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent-events client for tests, reading the stream as a browser's {@code EventSource} would (the {@code
 * text/event-stream} format: {@code id:}, {@code event:}, {@code data:} lines, a blank line ending each event,
 * {@code :} comments) on a thread of its own, so a test waits for the next event with a timeout.
 */
final class EventStream implements AutoCloseable {
    /** One event as received; {@code id} empty when the server sent none. */
    record Event(Optional<String> id, String type, String data) {}

    /** What the reader thread saw: an event, a comment, or the end of the stream. */
    private sealed interface Seen permits Received, Ended {}

    private record Received(Event event) implements Seen {}

    private record Ended() implements Seen {}

    final int status;
    private final InputStream body;
    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private EventStream(int status, InputStream body) {
        this.status = status;
        this.body = body;
        if (status == 200) {
            Thread reader = new Thread(this::read, "test-event-stream");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens {@code path} on the server at {@code port} with {@code headers}; answers once the status is in. */
    static EventStream open(int port, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream")
                .GET();
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new EventStream(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + path, e);
        }
    }

    /** Opens {@code path} with {@code token} as bearer. */
    static EventStream open(int port, String path, String token) {
        return open(port, path, Map.of("Authorization", "Bearer " + token));
    }

    /** The next event within {@code timeout}; empty when none came or the stream ended. */
    Optional<Event> next(Duration timeout) {
        try {
            Seen next = seen.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next instanceof Received received) {
                return Optional.of(received.event());
            }
            if (next instanceof Ended) {
                seen.add(next);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The next event of {@code type} within {@code timeout}, skipping others. */
    Optional<Event> next(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Event> event = next(Duration.ofNanos(deadline - System.nanoTime()));
            if (event.isEmpty() || event.get().type().equals(type)) {
                return event;
            }
        }
        return Optional.empty();
    }

    /** Whether the server ended the stream within {@code timeout}. */
    boolean endsWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended && System.nanoTime() < deadline) {
            next(Duration.ofMillis(200));
        }
        return ended;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String type = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        seen.add(new Received(new Event(Optional.ofNullable(id), type, data.toString())));
                    }
                    id = null;
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException closed) {
            // the stream ended
        } finally {
            ended = true;
            seen.add(new Ended());
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
