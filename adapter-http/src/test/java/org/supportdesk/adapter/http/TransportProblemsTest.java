package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.json.JsonMapping;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.application.testing.TenantFixture;

/** Failures of the transport itself are problems too: wrong content type, duplicate keys, and the unexpected 500. */
class TransportProblemsTest {
    final TestServer server = new TestServer();
    final TenantFixture acme = server.core.store(new TenantFixture("acme"));
    final String customer = server.tokenFor(acme.customer);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_body_that_is_not_json_is_415_and_nothing_is_filed() {
        var response =
                server.send(customer, "POST", "/api/v1/portal/tickets", null, Map.of("Content-Type", "text/plain"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.jsonBody().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(server.core.tickets.size()).isZero();
    }

    @Test
    void duplicate_keys_are_malformed_json() {
        var response = server.post(
                customer,
                "/api/v1/portal/tickets",
                """
                {"subject": "Hello there", "subject": "Sneaky", "description": "d", "category": "bug"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.jsonBody().get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(server.core.tickets.size()).isZero();
    }

    @Test
    void an_unexpected_failure_is_a_500_with_the_correlation_id_and_no_stack_trace() throws Exception {
        Javalin failing = HttpServer.create(
                        JsonMapping.create(),
                        new ThreadCorrelation(),
                        new RequestGate() {
                            @Override
                            public void admit(Context ctx) {}

                            @Override
                            public void answered(Context ctx) {}

                            @Override
                            public Map<String, String> refused(String peer, String forwardedFor) {
                                return Map.of();
                            }
                        },
                        List.of(routes -> routes.get(
                                "/boom",
                                ctx -> {
                                    throw new IllegalStateException("secret internals at com.example.Hidden");
                                },
                                AccessRole.ANYONE)),
                        files -> {},
                        route -> {})
                .start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + failing.port() + "/boom"))
                                    .header(HttpServer.CORRELATION_HEADER, "trace-0123456789")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue(HttpServer.CORRELATION_HEADER))
                    .contains("trace-0123456789");
            assertThat(response.body())
                    .contains("\"code\":\"INTERNAL\"")
                    .contains("\"correlation_id\":\"trace-0123456789\"")
                    .doesNotContain("secret internals", "IllegalStateException", "com.example");
        } finally {
            failing.stop();
        }
    }

    // S15: what the HTTP fuzz run found answered with a 500, each now a problem of the client's doing.
    @Test
    void a_head_request_is_a_405_problem() throws Exception {
        var response = raw("HEAD /api/v1/portal/tickets HTTP/1.1\r\nAuthorization: Bearer " + customer + "\r\n\r\n");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("content-type")).startsWith(Problems.CONTENT_TYPE);
    }

    @Test
    void a_path_that_is_not_percent_encoding_is_a_400_problem() throws Exception {
        var response =
                raw("GET /api/v1/portal/tickets/%u0041 HTTP/1.1\r\nAuthorization: Bearer " + customer + "\r\n\r\n");

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.text()).contains("\"code\":\"BAD_REQUEST\"");
    }

    @Test
    void a_body_in_a_charset_java_does_not_know_is_a_415_problem_and_nothing_is_filed() throws Exception {
        for (String charset : List.of("bogus", "", "@@")) {
            var response = raw("POST /api/v1/portal/tickets HTTP/1.1\r\nAuthorization: Bearer " + customer
                    + "\r\nContent-Type: application/json; charset=" + charset + "\r\nContent-Length: 2\r\n\r\n{}");

            assertThat(response.status()).as(charset).isEqualTo(415);
            assertThat(response.text()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
        }
        assertThat(server.core.tickets.size()).isZero();
    }

    @Test
    void a_body_that_ends_before_its_content_length_is_a_400_problem() throws Exception {
        String body = "{\"subject\": \"Printer\"";
        List<RawHttp.Response> responses = RawHttp.oneShot(
                server.port(),
                ("POST /api/v1/portal/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + customer
                                + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(responses).singleElement().satisfies(response -> {
            assertThat(response.status()).as(response.text()).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith(Problems.CONTENT_TYPE);
        });
    }

    @Test
    void a_request_line_without_a_version_is_a_400_problem() throws Exception {
        List<RawHttp.Response> responses =
                RawHttp.oneShot(server.port(), "GET /api/v1/portal/tickets\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(responses).singleElement().satisfies(response -> {
            assertThat(response.status()).as(response.text()).isEqualTo(400);
            assertThat(response.text()).contains("\"code\":\"BAD_REQUEST\"");
        });
    }

    @Test
    void an_accept_language_the_jdk_cannot_parse_gets_the_problem_in_english() { // S15: was a 500 on every refusal
        var response = server.send(null, "GET", "/api/v1/no-such-route", null, Map.of("Accept-Language", "-"));

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.jsonBody().get("title").asText()).isEqualTo("Not found");
    }

    /** A request on a connection of its own; the Host header is added. */
    private RawHttp.Response raw(String request) throws IOException {
        try (RawHttp connection = new RawHttp(server.port())) {
            String withHost = request.replaceFirst("\r\n", "\r\nHost: 127.0.0.1\r\n");
            return connection
                    .exchange(withHost.getBytes(StandardCharsets.UTF_8), request.startsWith("HEAD"))
                    .orElseThrow();
        }
    }
}
