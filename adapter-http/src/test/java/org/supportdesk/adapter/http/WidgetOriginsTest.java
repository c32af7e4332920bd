package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.TenantFixture;

/**
 * The filing widget's cross-origin access (docs/widget.md): a configured origin may call the widget's four routes with
 * a bearer token, preflight included, and nothing else; other origins and other routes get no grant, and no grant ever
 * admits credentials.
 */
class WidgetOriginsTest {
    static final String SHOP = "https://shop.example.com";
    static final String EVIL = "https://evil.example";

    final TestServer server = new TestServer(WidgetOrigins.of(List.of(SHOP + "/")));
    final TenantFixture acme = server.core.store(new TenantFixture("acme"));
    final String customer = server.tokenFor(acme.customer);

    @AfterEach
    void stop() {
        server.close();
    }

    TestServer.Response preflight(String origin, String path) {
        return server.send(
                null,
                "OPTIONS",
                path,
                null,
                Map.of(
                        "Origin", origin,
                        "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization, content-type"));
    }

    @Test
    void a_configured_origin_is_granted_the_widgets_routes_without_credentials() {
        for (String path : WidgetOrigins.ROUTES) {
            TestServer.Response answer = preflight(SHOP, path);

            assertThat(answer.status()).as(path).isEqualTo(204);
            assertThat(answer.header("Access-Control-Allow-Origin")).as(path).contains(SHOP);
            assertThat(answer.header("Access-Control-Allow-Methods")).contains("GET, POST");
            assertThat(answer.header("Access-Control-Allow-Headers"))
                    .hasValueSatisfying(headers -> assertThat(headers).contains("Authorization", "Content-Type"));
            assertThat(answer.header("Access-Control-Allow-Credentials")).isEmpty();
            assertThat(answer.header("Vary")).contains("Origin");
            // The answer went through the whole request's course: its correlation id and the address's quota.
            assertThat(answer.header(HttpServer.CORRELATION_HEADER)).isPresent();
            assertThat(answer.header("RateLimit-Limit")).isPresent();
        }

        TestServer.Response filed = server.send(
                customer,
                "POST",
                "/api/v1/portal/tickets",
                "{\"subject\":\"Checkout button dead\",\"description\":\"Nothing happens\",\"category\":\"technical\"}",
                Map.of("Origin", SHOP));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.header("Access-Control-Allow-Origin")).contains(SHOP);
        assertThat(filed.header("Access-Control-Expose-Headers")).contains("Retry-After, X-Correlation-Id");
        assertThat(filed.header("Access-Control-Allow-Credentials")).isEmpty();

        TestServer.Response refused =
                server.send(customer + "x", "GET", "/api/v1/portal/categories", null, Map.of("Origin", SHOP));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin"))
                .as("the widget may read why")
                .contains(SHOP);
    }

    @Test
    void another_origin_or_another_route_gets_no_grant() {
        TestServer.Response otherOrigin = preflight(EVIL, "/api/v1/portal/tickets");
        TestServer.Response otherRoute = preflight(SHOP, "/api/v1/portal/me");
        TestServer.Response read = server.send(customer, "GET", "/api/v1/portal/me", null, Map.of("Origin", SHOP));
        TestServer.Response readByOther =
                server.send(customer, "GET", "/api/v1/portal/categories", null, Map.of("Origin", EVIL));

        assertThat(otherOrigin.status()).isEqualTo(405);
        assertThat(otherRoute.status()).isEqualTo(405);
        assertThat(read.status()).isEqualTo(200);
        assertThat(readByOther.status()).isEqualTo(200);
        for (TestServer.Response answer : List.of(otherOrigin, otherRoute, read, readByOther)) {
            assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(answer.header("Access-Control-Allow-Credentials")).isEmpty();
        }
    }

    @Test
    void without_configured_origins_nobody_is_granted_anything() {
        try (TestServer plain = new TestServer()) {
            TestServer.Response answer = plain.send(
                    null,
                    "OPTIONS",
                    "/api/v1/portal/tickets",
                    null,
                    Map.of("Origin", SHOP, "Access-Control-Request-Method", "POST"));

            assertThat(answer.status()).isEqualTo(405);
            assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void only_bare_http_origins_can_be_configured() {
        assertThat(WidgetOrigins.of(List.of("HTTPS://Shop.Example.com:443", "http://127.0.0.1:8081/"))
                        .origins())
                .containsExactlyInAnyOrder(SHOP, "http://127.0.0.1:8081");
        for (String refused :
                List.of("*", "null", "shop.example.com", SHOP + "/path", SHOP + "?q", "ftp://x.example")) {
            assertThatThrownBy(() -> WidgetOrigins.of(List.of(refused)))
                    .as(refused)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
