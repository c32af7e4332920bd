package org.supportdesk.adapter.notify.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.notify.BotAnswer;
import org.supportdesk.domain.notify.BotToken;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.port.TelegramBotApi;

/**
 * The Telegram Bot API over the JDK's HTTP client: {@code POST <base>/bot<token>/<method>} with a JSON body, a bounded
 * connect and whole-answer timeout, redirects never followed, at most {@value #MAX_ANSWER_BYTES} bytes of answer read.
 * The token is part of the URL, so no message this class makes ever holds the URL or an exception's text (which may
 * quote it): only Telegram's {@code description} and exception class names.
 */
public final class HttpTelegramBotApi implements TelegramBotApi {
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final Duration timeout;
    private final HttpClient client;

    /** Calls the Bot API at {@code base} ({@code SUPPORTDESK_TELEGRAM_API_URL}), each in at most {@code timeout}. */
    public HttpTelegramBotApi(URI base, Duration timeout) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public BotAnswer getMe(BotToken token) {
        return answer(call(token, "getMe", JSON.createObjectNode()));
    }

    @Override
    public BotAnswer setWebhook(BotToken token, URI url, String secret, List<String> allowedUpdates) {
        ObjectNode params = JSON.createObjectNode();
        params.put("url", url.toString());
        params.put("secret_token", secret);
        allowedUpdates.forEach(params.putArray("allowed_updates")::add);
        return answer(call(token, "setWebhook", params));
    }

    @Override
    public BotAnswer deleteWebhook(BotToken token) {
        return answer(call(token, "deleteWebhook", JSON.createObjectNode()));
    }

    @Override
    public DeliveryOutcome sendMessage(BotToken token, long chatId, String text) {
        ObjectNode params = JSON.createObjectNode();
        params.put("chat_id", chatId);
        params.put("text", text);
        Call call = call(token, "sendMessage", params);
        if (call.failure().isPresent()) {
            return DeliveryOutcome.failed(call.failure().get(), call.millis());
        }
        int status = call.status();
        if (status >= 200 && status < 300 && call.ok()) {
            return DeliveryOutcome.delivered(status, call.millis());
        }
        String why =
                "answered " + status + call.description().map(d -> ": " + d).orElse("");
        if (status == 429) {
            String wait = call.body().path("parameters").path("retry_after").asText("");
            return retry(status, call.millis(), wait.isEmpty() ? why : why + " (retry after " + wait + " s)");
        }
        if (status >= 500 || status < 400) {
            return retry(status, call.millis(), why);
        }
        // Chat not found, bot blocked by the user, token revoked: trying again changes nothing.
        return new DeliveryOutcome(false, Optional.of(status), call.millis(), Optional.of(why), true);
    }

    private static DeliveryOutcome retry(int status, long millis, String why) {
        return new DeliveryOutcome(false, Optional.of(status), millis, Optional.of(why), false);
    }

    private static BotAnswer answer(Call call) {
        if (call.failure().isPresent()) {
            return new BotAnswer.Unreachable(call.failure().get());
        }
        int status = call.status();
        if (status >= 500 || status == 429 || call.body().isMissingNode()) {
            return new BotAnswer.Unreachable("Telegram answered " + status);
        }
        if (call.ok()) {
            JsonNode username = call.body().path("result").path("username");
            return new BotAnswer.Accepted(username.isTextual() ? Optional.of(username.asText()) : Optional.empty());
        }
        return new BotAnswer.Refused(
                call.body().path("error_code").asInt(status), call.description().orElse("answered " + status));
    }

    /** One call's answer: its status and JSON body (missing when it was none), or why there was no answer. */
    private record Call(int status, JsonNode body, long millis, Optional<String> failure) {
        boolean ok() {
            return body.path("ok").asBoolean(false);
        }

        Optional<String> description() {
            JsonNode description = body.path("description");
            return description.isTextual() ? Optional.of(description.asText()) : Optional.empty();
        }

        static Call failed(String why, long millis) {
            return new Call(0, JSON.missingNode(), millis, Optional.of(why));
        }
    }

    private Call call(BotToken token, String method, ObjectNode params) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + "/bot" + token.value() + "/" + method))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(params)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode always writes", e);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES);
            }
            return new Call(response.statusCode(), parsed(body), millisSince(start), Optional.empty());
        } catch (HttpTimeoutException e) {
            return Call.failed("no answer within " + timeout.toMillis() + " ms", millisSince(start));
        } catch (IOException e) {
            return Call.failed("connection failed: " + e.getClass().getSimpleName(), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Call.failed("interrupted", millisSince(start));
        }
    }

    /** The answer's JSON object; a missing node for anything else (an HTML error page, a cut-off body). */
    private static JsonNode parsed(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : JSON.missingNode();
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
