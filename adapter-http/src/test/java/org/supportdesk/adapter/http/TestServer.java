package org.supportdesk.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.supportdesk.adapter.http.api.HttpApi;
import org.supportdesk.adapter.http.auth.JwtSettings;
import org.supportdesk.adapter.http.auth.JwtTokens;
import org.supportdesk.adapter.http.events.LiveStreams;
import org.supportdesk.adapter.http.json.JsonMapping;
import org.supportdesk.adapter.http.limits.RequestLimits;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.application.testing.InMemorySupportdesk;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;

/** The real HTTP adapter, as {@link HttpApi} assembles it, on a random port over the in-memory core. */
public final class TestServer implements AutoCloseable {
    public static final String SECRET = "test-secret-that-is-long-enough-for-hs256!";

    public final InMemorySupportdesk core = new InMemorySupportdesk();
    public final ObjectMapper json = JsonMapping.create();
    public final JwtTokens tokens =
            new JwtTokens(JwtSettings.of(SECRET, "supportdesk", "supportdesk-api", Optional.empty()), core.clock);
    public final List<HandlerMetaInfo> routes = new ArrayList<>();
    private final Javalin server;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer() {
        this(core -> RequestLimits.standard(core.clock));
    }

    /** A server whose limits are made from its core (say, tighter ones, or ones that trust a proxy). */
    public TestServer(Function<InMemorySupportdesk, RequestLimits> limits) {
        this(limits, WidgetOrigins.NONE);
    }

    /** A server whose filing widget may be embedded by {@code widgetOrigins}. */
    public TestServer(WidgetOrigins widgetOrigins) {
        this(core -> RequestLimits.standard(core.clock), widgetOrigins);
    }

    private TestServer(Function<InMemorySupportdesk, RequestLimits> limits, WidgetOrigins widgetOrigins) {
        server = HttpApi.create(
                        core.useCases,
                        new ThreadCorrelation(),
                        tokens,
                        limits.apply(core),
                        new LiveStreams(core.useCases.live().readChanges()),
                        widgetOrigins,
                        routes::add)
                .start("127.0.0.1", 0);
    }

    /** Gives each person of a stored tenant (slug: the fixture's name) the password {@code "pw-" + name + "-secret"}. */
    public void signInReady(TenantFixture tenant) {
        core.transactions.inTransaction(tenant.tenant, () -> {
            for (Person person : tenant.everyone()) {
                core.credentials.setPasswordHash(
                        tenant.tenant,
                        person.id(),
                        core.passwordHashing.hash(new Password("pw-" + person.name() + "-secret")));
            }
            return null;
        });
    }

    public Response put(String token, String path, String body) {
        return send(token, "PUT", path, body, Map.of());
    }

    /** The port the server listens on, for clients of its own. */
    public int port() {
        return server.port();
    }

    /** A bearer token for a stored person. */
    public String tokenFor(Person person) {
        return tokens.issue(person.tenant(), person.id(), person.role()).token();
    }

    public Response get(String token, String path) {
        return send(token, "GET", path, null, Map.of());
    }

    public Response post(String token, String path, String body) {
        return send(token, "POST", path, body, Map.of());
    }

    public Response patch(String token, String path, String body, Map<String, String> headers) {
        return send(token, "PATCH", path, body, headers);
    }

    /** Sends a request; a null {@code token} sends none, a null {@code body} sends no body. */
    public Response send(String token, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            OpenApiContract.check(method, path, response); // every answer, as docs/api/openapi.yaml declares it
            return new Response(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A response: status, headers and the body, also as JSON when it is JSON. */
    public record Response(int status, Map<String, List<String>> headers, String body, ObjectMapper json) {
        public JsonNode jsonBody() {
            try {
                return json.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }
}
