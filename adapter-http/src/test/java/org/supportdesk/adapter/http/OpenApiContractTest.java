package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract that every test response goes through catches drift: these feed it answers the server does not give
 * (an extra field, a missing one, a time in the wrong shape, a success the document does not declare) and expect it
 * to object, naming what is wrong.
 */
class OpenApiContractTest {
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_FOUND =
            """
            {"type":"https://supportdesk.dev/problems/not-found","title":"Not found","status":404,\
            "detail":"Ticket not found","code":"NOT_FOUND"}""";
    private static final String SIGNED_IN =
            """
            {"token":"eyJhbGciOiJIUzI1NiJ9.e30.sig","expires_at":"2026-03-01T12:00:00Z"}""";

    @Test
    void a_declared_response_that_matches_its_schema_passes() {
        assertThat(violations("POST", "/api/v1/auth/login", 200, JSON, SIGNED_IN))
                .isEmpty();
        assertThat(violations("GET", "/api/v1/tickets/TKT-2026-000001", 404, PROBLEM, NOT_FOUND))
                .isEmpty();
        assertThat(violations("DELETE", "/api/v1/tickets/TKT-2026-000001", 204, "", ""))
                .isEmpty();
    }

    @Test
    void a_ticket_number_in_the_path_is_matched_to_the_id_template() {
        List<String> wrong = violations("GET", "/api/v1/tickets/TKT-2026-000001?x=1", 200, JSON, "{\"id\":\"x\"}");

        // The errors come from the Ticket schema, so GET /api/v1/tickets/{id} was found.
        assertThat(wrong).isNotEmpty().allSatisfy(error -> assertThat(error).startsWith("Ticket "));
        assertThat(String.join("\n", wrong)).contains("number").contains("messages_count");
    }

    @Test
    void a_field_the_document_does_not_list_fails() {
        String leaky = NOT_FOUND.replace("}", ",\"stack_trace\":\"at com.example.Hidden\"}");

        assertThat(violations("GET", "/api/v1/tickets/x", 404, PROBLEM, leaky))
                .singleElement()
                .asString()
                .contains("Problem")
                .contains("stack_trace");
    }

    @Test
    void a_missing_required_field_fails() {
        assertThat(violations("POST", "/api/v1/auth/login", 200, JSON, "{\"token\":\"t\"}"))
                .singleElement()
                .asString()
                .contains("SignedIn")
                .contains("expires_at");
    }

    @Test
    void a_time_that_is_not_a_date_time_fails() {
        assertThat(violations(
                        "POST", "/api/v1/auth/login", 200, JSON, SIGNED_IN.replace("2026-03-01T12:00:00Z", "soon")))
                .singleElement()
                .asString()
                .contains("expires_at")
                .contains("date-time");
    }

    @Test
    void a_success_the_document_does_not_declare_falls_to_the_problem_default_and_fails() {
        assertThat(violations("POST", "/api/v1/auth/login", 201, JSON, SIGNED_IN))
                .isNotEmpty()
                .anySatisfy(error -> assertThat(error).contains("application/problem+json"));
        assertThat(violations("DELETE", "/api/v1/tickets/x", 200, JSON, "{}")).isNotEmpty();
    }

    @Test
    void a_body_where_the_document_declares_none_fails() {
        assertThat(violations("DELETE", "/api/v1/tickets/x", 204, JSON, "{}"))
                .singleElement()
                .asString()
                .contains("declares no body");
    }

    @Test
    void a_content_type_the_document_does_not_declare_fails() {
        assertThat(violations("POST", "/api/v1/auth/login", 200, "text/html", "<p>signed in</p>"))
                .singleElement()
                .asString()
                .contains("text/html");
        assertThat(violations("POST", "/api/v1/auth/login", 200, "application/json; charset=utf-8", SIGNED_IN))
                .isEmpty();
    }

    @Test
    void unknown_routes_and_methods_owe_a_problem_never_a_success() {
        assertThat(violations("GET", "/api/v1/nothing-here", 404, PROBLEM, NOT_FOUND))
                .isEmpty();
        assertThat(violations("PUT", "/api/v1/tickets", 405, PROBLEM, NOT_FOUND.replace("404", "405")))
                .isEmpty();

        assertThat(violations("GET", "/api/v1/nothing-here", 200, JSON, "{}"))
                .singleElement()
                .asString()
                .contains("no path matches");
        assertThat(violations("PUT", "/api/v1/tickets", 200, JSON, "{}"))
                .singleElement()
                .asString()
                .contains("no PUT operation at /api/v1/tickets");
        assertThat(violations("GET", "/api/v1/nothing-here", 404, "text/plain", "Not found"))
                .isNotEmpty();
    }

    @Test
    void a_body_that_is_not_json_fails() {
        assertThat(violations("GET", "/api/v1/tickets/x", 404, PROBLEM, "{\"code\":"))
                .singleElement()
                .asString()
                .contains("not JSON");
    }

    @Test
    void the_test_server_hands_every_response_to_the_contract() {
        try (TestServer server = new TestServer()) {
            long before = OpenApiContract.responsesChecked();

            server.get(null, "/api/v1/tickets");

            assertThat(OpenApiContract.responsesChecked()).isGreaterThan(before);
        }
    }

    private static List<String> violations(String method, String path, int status, String contentType, String body) {
        return OpenApiContract.violations(method, path, status, contentType, body);
    }
}
