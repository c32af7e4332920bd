package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.TenantFixture;

/** Feedback, stats, the CSV export and the audit log over HTTP, on the in-memory core. */
class ReportRoutesTest {
    final TestServer server = new TestServer();
    final TenantFixture acme = server.core.store(new TenantFixture("acme"));
    final String customer = server.tokenFor(acme.customer);
    final String colleague = server.tokenFor(acme.colleague);
    final String otherCustomer = server.tokenFor(acme.otherCustomer);
    final String agent = server.tokenFor(acme.agent);
    final String admin = server.tokenFor(acme.admin);

    @AfterEach
    void stop() {
        server.close();
    }

    String file(String subject) {
        var filed = server.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\": " + quoted(subject) + ", \"description\": \"Details\", \"category\": \"technical\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.jsonBody().get("id").asText();
    }

    void resolve(String id) {
        var resolved = server.patch(agent, "/api/v1/tickets/" + id, "{\"status\": \"resolved\"}", Map.of());
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    }

    // ---- feedback ------------------------------------------------------------------------------------------------

    @Test
    void the_requester_rates_once_and_both_views_show_it() {
        String id = file("Printer on fire");
        var early = server.post(customer, "/api/v1/portal/tickets/" + id + "/feedback", "{\"rating\": 5}");
        resolve(id);

        var mate = server.post(colleague, "/api/v1/portal/tickets/" + id + "/feedback", "{\"rating\": 1}");
        var stranger = server.post(otherCustomer, "/api/v1/portal/tickets/" + id + "/feedback", "{\"rating\": 1}");
        var staff = server.post(agent, "/api/v1/portal/tickets/" + id + "/feedback", "{\"rating\": 1}");
        var given = server.post(
                customer, "/api/v1/portal/tickets/" + id + "/feedback", "{\"rating\": 4, \"comment\": \" Quick \"}");
        var again = server.post(customer, "/api/v1/portal/tickets/" + id + "/feedback", "{\"rating\": 5}");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.jsonBody().get("code").asText()).isEqualTo("CONFLICT");
        assertThat(mate.status()).isEqualTo(403);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(staff.status()).isEqualTo(403);
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        assertThat(given.jsonBody().get("rating").asInt()).isEqualTo(4);
        assertThat(given.jsonBody().get("comment").asText()).isEqualTo("Quick");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.jsonBody().get("code").asText()).isEqualTo("CONFLICT");
        JsonNode staffView = server.get(agent, "/api/v1/tickets/" + id).jsonBody();
        assertThat(staffView.get("feedback").get("rating").asInt()).isEqualTo(4);
        JsonNode portalView =
                server.get(customer, "/api/v1/portal/tickets/" + id).jsonBody();
        assertThat(portalView.get("feedback").get("comment").asText()).isEqualTo("Quick");
        assertThat(portalView.get("feedback").get("given_at").asText())
                .isEqualTo(staffView.get("feedback").get("given_at").asText());
    }

    @Test
    void a_rating_must_be_a_whole_number_from_one_to_five_and_nothing_else_is_taken() {
        String id = file("Printer on fire");
        resolve(id);

        for (String body : List.of(
                "{\"rating\": 0}",
                "{\"rating\": 6}",
                "{\"rating\": 4.5}",
                "{\"rating\": \"5\"}",
                "{\"rating\": null}",
                "{\"comment\": \"no rating\"}",
                "{\"rating\": 5, \"status\": \"closed\"}")) {
            var refused = server.post(customer, "/api/v1/portal/tickets/" + id + "/feedback", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.jsonBody().get("code").asText()).as(body).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(server.get(agent, "/api/v1/tickets/" + id)
                        .jsonBody()
                        .get("feedback")
                        .isNull())
                .isTrue();
    }

    // ---- stats -----------------------------------------------------------------------------------------------------

    @Test
    void staff_read_the_stats_with_the_lists_filters_and_customers_may_not() {
        String rated = file("Printer on fire");
        server.post(agent, "/api/v1/tickets/" + rated + "/messages", "{\"kind\": \"public\", \"body\": \"On it\"}");
        server.core.clock.advance(Duration.ofMinutes(30));
        resolve(rated);
        server.post(customer, "/api/v1/portal/tickets/" + rated + "/feedback", "{\"rating\": 3}");
        file("Another one");
        server.core.clock.advance(Duration.ofMinutes(1)); // the default window ends, exclusively, now

        var all = server.get(agent, "/api/v1/tickets/stats");
        var resolved = server.get(admin, "/api/v1/tickets/stats?status=resolved");
        var refused = server.get(customer, "/api/v1/tickets/stats");
        var badWindow = server.get(agent, "/api/v1/tickets/stats?from=2026-03-02T00:00:00Z&to=2026-01-01T00:00:00Z");

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        JsonNode stats = all.jsonBody();
        assertThat(stats.get("total").asLong()).isEqualTo(2);
        assertThat(stats.get("by_status").get("resolved").asLong()).isEqualTo(1);
        assertThat(stats.get("by_status").get("new").asLong()).isEqualTo(1);
        assertThat(stats.get("first_response_minutes").get("median").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(stats.get("resolution_minutes").get("average").decimalValue())
                .isEqualByComparingTo("30");
        assertThat(stats.get("resolution_rate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(stats.get("csat").get("average").decimalValue()).isEqualByComparingTo("3");
        assertThat(stats.get("csat").get("count").asLong()).isEqualTo(1);
        assertThat(stats.get("per_day")).hasSize(31);
        assertThat(resolved.jsonBody().get("total").asLong()).isEqualTo(1);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("to");
    }

    // ---- export ----------------------------------------------------------------------------------------------------

    @Test
    void the_export_is_rfc_4180_with_a_bom_and_neutralises_formulas() throws IOException {
        String tricky = "Comma, \"quotes\" and ünïcødé 日本";
        file("=HYPERLINK(\"http://evil.example\",\"Click\")");
        String trickyId = file(tricky);
        file("+1 and -1 and @me");
        server.post(agent, "/api/v1/tickets/" + trickyId + "/messages", "{\"kind\": \"public\", \"body\": \"Answer\"}");

        var export = server.get(admin, "/api/v1/tickets/export.csv?sort=created");

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(export.header("Content-Disposition")).contains("attachment; filename=\"tickets-2026-03-02.csv\"");
        assertThat(export.body()).startsWith("\uFEFF");
        assertThat(export.body()).contains("\r\n");
        assertThat(export.body().substring(1)).startsWith("number,id,subject,status,priority,category,source,");
        List<CSVRecord> records = parse(export.body().substring(1));
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get("subject")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Click\")");
        assertThat(records.get(1).get("subject")).isEqualTo(tricky);
        assertThat(records.get(1).get("status")).isEqualTo("in_progress");
        assertThat(records.get(1).get("requester_email"))
                .isEqualTo(acme.customer.email().value());
        assertThat(records.get(2).get("subject")).isEqualTo("'+1 and -1 and @me");
    }

    @Test
    void line_breaks_in_a_cell_survive_a_round_trip() throws IOException {
        String id = file("Line breaks");
        resolve(id);
        server.post(
                customer,
                "/api/v1/portal/tickets/" + id + "/feedback",
                "{\"rating\": 2, \"comment\": \"First line\\nsecond, \\\"quoted\\\" line\\r\\n-third\"}");

        var export = server.get(admin, "/api/v1/tickets/export.csv");

        List<CSVRecord> records = parse(export.body().substring(1));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("csat_rating")).isEqualTo("2");
        assertThat(records.get(0).get("csat_comment")).isEqualTo("First line\nsecond, \"quoted\" line\r\n-third");
    }

    @Test
    void only_admins_export() {
        file("Printer on fire");

        assertThat(server.get(agent, "/api/v1/tickets/export.csv").status()).isEqualTo(403);
        assertThat(server.get(customer, "/api/v1/tickets/export.csv").status()).isEqualTo(403);
        assertThat(server.get(null, "/api/v1/tickets/export.csv").status()).isEqualTo(401);
        var badFilter = server.get(admin, "/api/v1/tickets/export.csv?status=bogus");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    // ---- audit log -------------------------------------------------------------------------------------------------

    @Test
    void admins_page_through_the_audit_log_and_filter_it() {
        String id = file("Printer on fire");
        server.core.clock.advance(Duration.ofMinutes(1));
        server.post(agent, "/api/v1/tickets/" + id + "/messages", "{\"kind\": \"internal\", \"body\": \"Note\"}");
        server.core.clock.advance(Duration.ofMinutes(1));
        server.post(admin, "/api/v1/tickets/" + id + "/assign", "{\"assignee_id\": \"" + acme.agent.id() + "\"}");
        server.core.clock.advance(Duration.ofMinutes(1));
        resolve(id);
        server.post(customer, "/api/v1/portal/tickets/" + id + "/feedback", "{\"rating\": 5}");

        var first = server.get(admin, "/api/v1/audit-log?limit=1");
        var second = server.get(admin, "/api/v1/audit-log?limit=1&page=2");
        var statusChanges = server.get(admin, "/api/v1/audit-log?action=status_changed,ticket_assigned");
        var byAgent = server.get(admin, "/api/v1/audit-log?actor=" + acme.agent.id());
        var byTicket = server.get(admin, "/api/v1/audit-log?target=" + id);
        var byNumber = server.get(
                admin,
                "/api/v1/audit-log?target="
                        + server.get(agent, "/api/v1/tickets/" + id)
                                .jsonBody()
                                .get("number")
                                .asText());
        var before = server.get(
                admin, "/api/v1/audit-log?to=" + server.core.clock.instant().minusSeconds(90));
        var unknownAction = server.get(admin, "/api/v1/audit-log?action=made_up");

        // Staff entries: the note, the assignment and the move it made, the resolution. Not the filing, not the rating.
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.jsonBody().get("pagination").get("total").asLong()).isEqualTo(4);
        assertThat(first.jsonBody().get("pagination").get("total_pages").asLong())
                .isEqualTo(4);
        JsonNode newest = first.jsonBody().get("items").get(0);
        assertThat(newest.get("action").asText()).isEqualTo("status_changed");
        assertThat(newest.get("actor").get("id").asText())
                .isEqualTo(acme.agent.id().toString());
        assertThat(newest.get("target").get("kind").asText()).isEqualTo("ticket");
        assertThat(newest.get("target").get("id").asText()).isEqualTo(id);
        assertThat(newest.get("changes").toString()).contains("resolved");
        assertThat(second.jsonBody().get("items").get(0).get("actor").get("id").asText())
                .isEqualTo(acme.admin.id().toString());
        assertThat(statusChanges.jsonBody().get("pagination").get("total").asLong())
                .isEqualTo(3);
        assertThat(byAgent.jsonBody().get("pagination").get("total").asLong()).isEqualTo(2);
        assertThat(byTicket.jsonBody().get("pagination").get("total").asLong()).isEqualTo(4);
        assertThat(byNumber.jsonBody().get("items"))
                .isEqualTo(byTicket.jsonBody().get("items"));
        assertThat(before.jsonBody().get("items"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("action").asText()).isEqualTo("message_posted"));
        assertThat(byTicket.body()).doesNotContain("feedback_given", "ticket_filed");
        assertThat(unknownAction.status()).isEqualTo(400);
    }

    @Test
    void agents_and_customers_may_not_read_the_audit_log() {
        assertThat(server.get(agent, "/api/v1/audit-log").status()).isEqualTo(403);
        assertThat(server.get(customer, "/api/v1/audit-log").status()).isEqualTo(403);
    }

    /** The header row stays a record (index 0), and the rows after it can be read by column name. */
    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(false)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
