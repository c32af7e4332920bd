package org.supportdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Telegram Bot API for tests: the JDK's HTTP server on 127.0.0.1 answering {@code POST /bot<token>/<method>} as
 * Telegram does ({@code {ok, result}} or {@code {ok: false, error_code, description}}), keeping every call it got. It
 * knows the tokens the test gives it (any other is 401 Unauthorized, as Telegram answers), and answers each chat's
 * {@code sendMessage}, and every other method, as the test says: normally, 500, a 10 s stall, 403 or 429.
 */
public final class FakeBotApi implements AutoCloseable {
    public enum Mode {
        OK,
        FAIL_500,
        STALL_10_S,
        FORBIDDEN_403,
        TOO_MANY_429
    }

    /** One call as received: the token from the path, the method, and the JSON body. */
    public record Call(String token, String method, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");

    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<Long, Mode> chatModes = new ConcurrentHashMap<>();
    private final AtomicReference<Mode> methodMode = new AtomicReference<>(Mode.OK);
    private final AtomicLong nextMessageId = new AtomicLong(1000);
    private final List<Call> calls = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final HttpServer server;

    public FakeBotApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes {@code token} one Telegram knows; {@code getMe} names its bot {@code bot<first 4 digits>_help_bot}. */
    public void knowToken(String token) {
        tokens.add(token);
    }

    /** How {@code sendMessage} to {@code chatId} is answered from now on. */
    public void chatMode(long chatId, Mode mode) {
        chatModes.put(chatId, mode);
    }

    /** How every method but {@code sendMessage} is answered from now on. */
    public void methodMode(Mode mode) {
        methodMode.set(mode);
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The {@code sendMessage} calls to {@code chatId}. */
    public List<Call> sent(long chatId) {
        return calls("sendMessage").stream()
                .filter(c -> c.body().path("chat_id").asLong() == chatId)
                .toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        }
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches() || !"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            return;
        }
        Call call = new Call(path.group(1), path.group(2), body);
        synchronized (calls) {
            calls.add(call);
        }
        if (!tokens.contains(call.token())) {
            reply(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
            return;
        }
        Mode mode = call.method().equals("sendMessage")
                ? chatModes.getOrDefault(body.path("chat_id").asLong(), Mode.OK)
                : methodMode.get();
        switch (mode) {
            case FAIL_500 -> reply(exchange, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal\"}");
            case FORBIDDEN_403 -> reply(
                    exchange,
                    403,
                    "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
            case TOO_MANY_429 -> reply(
                    exchange,
                    429,
                    "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                            + "\"parameters\":{\"retry_after\":1}}");
            case STALL_10_S -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, 200, ok(call));
            }
            case OK -> reply(exchange, 200, ok(call));
        }
    }

    private String ok(Call call) {
        return switch (call.method()) {
            case "getMe" -> "{\"ok\":true,\"result\":{\"id\":"
                    + call.token().substring(0, call.token().indexOf(':'))
                    + ",\"is_bot\":true,\"first_name\":\"Help\",\"username\":\"bot"
                    + call.token().substring(0, 4)
                    + "_help_bot\"}}";
            case "sendMessage" -> "{\"ok\":true,\"result\":{\"message_id\":" + nextMessageId.incrementAndGet()
                    + ",\"chat\":{\"id\":" + call.body().path("chat_id").asLong() + ",\"type\":\"private\"}}}";
            default -> "{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}";
        };
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
