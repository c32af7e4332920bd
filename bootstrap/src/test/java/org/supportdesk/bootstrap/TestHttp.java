package org.supportdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.adapter.http.OpenApiContract;

/** A small HTTP client for 127.0.0.1 with bounded timeouts. */
public final class TestHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public TestHttp(int port) {
        this.port = port;
    }

    public Response get(String token, String path) {
        return send(token, "GET", path, null);
    }

    public Response post(String token, String path, String body) {
        return send(token, "POST", path, body);
    }

    public Response send(String token, String method, String path, String body) {
        return send(token, method, path, body, Map.of());
    }

    public Response send(String token, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(token, method, path, request, headers);
    }

    /** POSTs {@code body} as it is, declared as {@code contentType} (a mail to the inbound hook, say). */
    public Response postBytes(String token, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(token, "POST", path, request, Map.of());
    }

    /**
     * Uploads {@code content} to {@code path} as the {@code multipart/form-data} field {@code file}, named {@code
     * fileName} (quotes and line breaks percent-encoded, as browsers do) and claiming {@code claimedType}.
     */
    public Response upload(String token, String path, String fileName, String claimedType, byte[] content) {
        return upload(token, path, fileName, claimedType, content, Map.of());
    }

    /** {@link #upload(String, String, String, String, byte[])} with whatever else the client sends along. */
    public Response upload(
            String token,
            String path,
            String fileName,
            String claimedType,
            byte[] content,
            Map<String, String> headers) {
        String boundary = "----supportdesk-test-" + System.nanoTime();
        String quoted = fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + quoted
                        + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(token, "POST", path, request, headers);
    }

    private Response send(
            String token, String method, String path, HttpRequest.Builder request, Map<String, String> headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader); // a test's own header replaces the default above
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            OpenApiContract.check(method, path, response); // every answer, as docs/api/openapi.yaml declares it
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Correlation-Id").orElse(""),
                    response.headers().firstValue("ETag").orElse(""),
                    response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    /** An answer; {@code headers} by lower-case name, as the client got them. */
    public record Response(
            int status,
            String contentType,
            String correlationId,
            String etag,
            String body,
            Map<String, List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        /** The {@code Retry-After} header, empty when there is none. */
        public String retryAfter() {
            return header("Retry-After").orElse("");
        }

        /** The first value of a header, any case of its name. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }
    }
}
