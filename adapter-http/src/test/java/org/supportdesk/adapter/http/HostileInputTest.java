package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.adapter.http.json.JsonMapping;
import org.supportdesk.application.testing.TenantFixture;

/**
 * Hostile input is refused with a clear 4xx problem before any work, and changes nothing (S4, S15): control characters
 * and unpaired surrogates in any text, oversized bodies and headers, deep nesting, huge arrays, endless search text.
 */
class HostileInputTest {
    final TestServer server = new TestServer();
    final TenantFixture acme = server.core.store(new TenantFixture("acme"));
    final String customer = server.tokenFor(acme.customer);
    final String agent = server.tokenFor(acme.agent);

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\u0000", "\\u0001", "\\u0008", "\\u001b[31m", "\\u007f\\u0000", "\\ud800", "\\udc00x"})
    void a_control_character_or_unpaired_surrogate_in_a_filed_ticket_is_400_naming_the_field(String escaped) {
        var response = server.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\": \"Printer " + escaped + " on fire\", \"description\": \"d\", \"category\": \"bug\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.jsonBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("subject");
        assertThat(server.core.tickets.size()).isZero();
    }

    @Test
    void tabs_and_line_breaks_are_plain_text() {
        var response = server.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\": \"Printer\\ton fire\", \"description\": \"line one\\r\\nline two\", \"category\": \"bug\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void a_nul_byte_in_a_sign_in_is_400_not_500() {
        var response = server.post(
                null,
                "/api/v1/auth/login",
                "{\"tenant\": \"acme\\u0000\", \"email\": \"carla@acme.example\", \"password\": \"whatever-it-is\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("tenant");
    }

    @Test
    void a_control_character_in_a_field_name_or_a_query_parameter_is_400() {
        var field = server.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\": \"Printer\", \"description\": \"d\", \"category\": \"bug\", \"x\\u0000\": 1}");
        var query = server.get(agent, "/api/v1/tickets?q=printer%00fire");

        assertThat(field.status()).as(field.body()).isEqualTo(400);
        assertThat(query.status()).as(query.body()).isEqualTo(400);
        assertThat(query.jsonBody().get("errors").get(0).get("field").asText()).isEqualTo("q");
    }

    /** PostgreSQL refuses a bound time past its own range with an error; found by the HTTP fuzz run as a 500. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/tickets?created_to=",
                "/api/v1/tickets?created_from=",
                "/api/v1/tickets/export.csv?created_to=",
                "/api/v1/tickets/stats?to=",
                "/api/v1/audit-log?from="
            })
    void a_time_outside_the_years_1_to_9999_is_400_naming_the_parameter(String route) {
        String admin = server.tokenFor(acme.admin);
        String parameter = route.substring(route.indexOf('?') + 1, route.length() - 1);
        for (String time : List.of(
                "%2B1000000000-12-31T23:59:59.999999999Z", "0000-12-31T23:59:59Z", "%2B10000-01-01T00:00:00Z")) {
            var response = server.get(admin, route + time);

            assertThat(response.status())
                    .as(route + time + ": " + response.body())
                    .isEqualTo(400);
            assertThat(response.jsonBody().get("errors").get(0).get("field").asText())
                    .isEqualTo(parameter);
        }
        assertThat(server.get(admin, route + "9999-12-31T23:59:59Z").status()).isEqualTo(200);
    }

    @Test
    void search_text_longer_than_anyone_types_is_400() {
        var response = server.get(agent, "/api/v1/tickets?q=" + "a".repeat(201));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("q");
    }

    @Test
    void a_body_nested_deeper_than_the_api_uses_is_malformed_json() {
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

        var response = server.post(customer, "/api/v1/portal/tickets", deep);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.jsonBody().get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(JsonMapping.MAX_NESTING_DEPTH).isLessThan(100);
    }

    @Test
    void an_array_of_more_items_than_any_route_takes_is_400() {
        String tags = "\"x\",".repeat(1_000) + "\"x\"";
        var response = server.patch(agent, "/api/v1/tickets/TKT-2026-000001", "{\"tags\": [" + tags + "]}", Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("tags");
    }

    @Test
    void a_body_over_the_size_limit_is_a_413_problem() {
        String huge = "{\"subject\": \"" + "x".repeat(2_000_000) + "\"}";

        var response = server.post(customer, "/api/v1/portal/tickets", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(Problems.CONTENT_TYPE));
        assertThat(response.jsonBody().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(server.core.tickets.size()).isZero();
    }

    @Test
    void headers_over_the_limit_are_a_431_problem() {
        var response = server.send(
                customer, "GET", "/api/v1/portal/tickets", null, Map.of("X-Padding", "p".repeat(64 * 1024)));

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(Problems.CONTENT_TYPE));
        assertThat(response.jsonBody().get("code").asText()).isEqualTo("REQUEST_HEADER_FIELDS_TOO_LARGE");
    }

    @Test
    void a_javascript_page_url_is_refused() {
        for (String url : List.of("javascript:alert(1)", "data:text/html,<script>", "  JavaScript:alert(1)")) {
            var response = server.post(
                    customer,
                    "/api/v1/portal/tickets",
                    "{\"subject\": \"Printer\", \"description\": \"d\", \"category\": \"bug\", \"page_url\": \"" + url
                            + "\"}");
            assertThat(response.status()).as(url).isEqualTo(400);
            assertThat(response.jsonBody().get("errors").get(0).get("field").asText())
                    .isEqualTo("page_url");
        }
    }
}
