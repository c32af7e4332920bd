package org.supportdesk.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A webhook receiver for tests: the JDK's HTTP server on 127.0.0.1, keeping every request it got, answering as the test
 * says (200, 500, a stall of 10 s, or a redirect), and able to go down and come back on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {
    public enum Mode {
        OK,
        FAIL_500,
        STALL_10_S,
        REDIRECT
    }

    /** One request as received, with its arrival on {@link System#nanoTime()}'s scale. */
    public record Received(String path, Map<String, String> headers, String body, long arrivedNanos) {}

    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
    private final List<Received> received = new ArrayList<>();
    private volatile String redirectTo = "http://127.0.0.1:1/";
    private final int port;
    private HttpServer server;

    public WebhookReceiver() {
        this(0);
    }

    private WebhookReceiver(int port) {
        this.server = start(port);
        this.port = server.getAddress().getPort();
    }

    private HttpServer start(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            http.setExecutor(Executors.newFixedThreadPool(8));
            http.createContext("/", exchange -> {
                long arrived = System.nanoTime();
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
                    synchronized (received) {
                        received.add(new Received(exchange.getRequestURI().getPath(), headers, body, arrived));
                    }
                }
                int status;
                switch (mode.get()) {
                    case FAIL_500 -> status = 500;
                    case STALL_10_S -> {
                        try {
                            Thread.sleep(10_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        status = 200;
                    }
                    case REDIRECT -> {
                        exchange.getResponseHeaders().set("Location", redirectTo);
                        status = 307;
                    }
                    default -> status = 200;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public void mode(Mode next) {
        mode.set(next);
    }

    public void redirectTo(String target) {
        redirectTo = target;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> receivedAt(String path) {
        return received().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    public void down() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    public void up() {
        server = start(port);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
