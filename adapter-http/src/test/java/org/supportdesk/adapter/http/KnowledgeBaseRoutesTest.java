package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.TenantFixture;

/** The knowledge-base routes over real HTTP and the in-memory core; every answer is checked against the OpenAPI. */
class KnowledgeBaseRoutesTest {
    final TestServer server = new TestServer();
    final TenantFixture acme = server.core.store(new TenantFixture("acme"));
    final TenantFixture globex = server.core.store(new TenantFixture("globex"));
    final String customer = server.tokenFor(acme.customer);
    final String agent = server.tokenFor(acme.agent);
    final String admin = server.tokenFor(acme.admin);

    @AfterEach
    void stop() {
        server.close();
    }

    String write(String token, String title, String body, String status) {
        var written = server.post(
                token,
                "/api/v1/kb/articles",
                "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"status\":\"" + status
                        + "\",\"tags\":[\"Printing\"]}");
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        return written.jsonBody().get("id").asText();
    }

    @Test
    void staff_write_read_edit_and_admins_delete_articles() {
        String id = write(agent, "Printer offline", "Check the cable.", "draft");

        var read = server.get(agent, "/api/v1/kb/articles/" + id);
        var published = server.patch(agent, "/api/v1/kb/articles/" + id, "{\"status\":\"published\"}", Map.of());
        var unchanged = server.patch(agent, "/api/v1/kb/articles/" + id, "{\"status\":\"published\"}", Map.of());
        var agentDelete = server.send(agent, "DELETE", "/api/v1/kb/articles/" + id, null, Map.of());
        var adminDelete = server.send(admin, "DELETE", "/api/v1/kb/articles/" + id, null, Map.of());
        var gone = server.get(agent, "/api/v1/kb/articles/" + id);

        assertThat(read.jsonBody().get("tags").get(0).asText()).isEqualTo("printing");
        assertThat(read.jsonBody().get("status").asText()).isEqualTo("draft");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.jsonBody().get("status").asText()).isEqualTo("published");
        assertThat(unchanged.status()).isEqualTo(400);
        assertThat(unchanged.jsonBody().get("code").asText()).isEqualTo("NO_CHANGES");
        assertThat(agentDelete.status()).isEqualTo(403);
        assertThat(adminDelete.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
    }

    @Test
    void bad_fields_are_named_and_unknown_ones_refused() {
        var refused = server.post(
                agent, "/api/v1/kb/articles", "{\"title\":\"x\",\"body\":\"\",\"status\":\"live\",\"tags\":[\"a b\"]}");
        var unknown =
                server.post(agent, "/api/v1/kb/articles", "{\"title\":\"Fine\",\"body\":\"Fine\",\"author\":\"me\"}");

        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.jsonBody().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("title", "body", "status", "tags");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("author");
    }

    @Test
    void the_staff_list_filters_by_status_tag_and_text() {
        write(agent, "Printer offline", "Check the cable.", "draft");
        write(agent, "Login help", "Reset it.", "published");

        var drafts = server.get(agent, "/api/v1/kb/articles?status=draft");
        var byText = server.get(agent, "/api/v1/kb/articles?q=cable&tag=printing");
        var wordless = server.get(agent, "/api/v1/kb/articles?q=%21%21");
        var badStatus = server.get(agent, "/api/v1/kb/articles?status=live");

        assertThat(titles(drafts.jsonBody())).containsExactly("Printer offline");
        assertThat(titles(byText.jsonBody())).containsExactly("Printer offline");
        assertThat(wordless.jsonBody().get("pagination").get("total").asInt()).isZero();
        assertThat(badStatus.status()).isEqualTo(400);
    }

    @Test
    void customers_find_read_and_are_suggested_only_published_articles_of_their_tenant() {
        String draft = write(agent, "Printer secrets", "Internal printer notes.", "draft");
        String published = write(agent, "Printer offline", "Check the printer cable.", "published");
        write(server.tokenFor(globex.agent), "Printer elsewhere", "Globex printer.", "published");

        var found = server.get(customer, "/api/v1/portal/kb/articles?q=printer");
        var browsed = server.get(customer, "/api/v1/portal/kb/articles");
        var suggested = server.get(customer, "/api/v1/portal/kb/suggestions?subject=my%20print");
        var readPublished = server.get(customer, "/api/v1/portal/kb/articles/" + published);
        var readDraft = server.get(customer, "/api/v1/portal/kb/articles/" + draft);
        var readMissing = server.get(customer, "/api/v1/portal/kb/articles/" + UUID.randomUUID());
        var readGarbage = server.get(customer, "/api/v1/portal/kb/articles/not-an-id");

        assertThat(titles(found.jsonBody())).containsExactly("Printer offline");
        assertThat(titles(browsed.jsonBody())).containsExactly("Printer offline");
        assertThat(titles(suggested.jsonBody())).containsExactly("Printer offline");
        assertThat(readPublished.jsonBody().get("body").asText()).isEqualTo("Check the printer cable.");
        assertThat(readPublished.body()).doesNotContain("status", "tags");
        assertThat(readDraft.status()).isEqualTo(404);
        assertThat(readDraft.body()).isEqualTo(readMissing.body()).isEqualTo(readGarbage.body());
        assertThat(found.body()).doesNotContain("secrets", "Globex");
    }

    @Test
    void a_snippet_is_plain_text_with_ranges_so_no_article_can_inject_html() {
        write(
                agent,
                "Scripts",
                "Text <img src=x onerror=alert(1)> and <b>bold</b> <mark>fake</mark> then the printer manual.",
                "published");

        JsonNode hit = server.get(customer, "/api/v1/portal/kb/articles?q=printer")
                .jsonBody()
                .get("items")
                .get(0);
        String text = hit.get("snippet").get("text").asText();
        List<String> highlighted = new ArrayList<>();
        hit.get("snippet")
                .get("highlights")
                .forEach(range -> highlighted.add(text.substring(
                        range.get("start").asInt(), range.get("end").asInt())));

        assertThat(highlighted).containsExactly("printer");
        assertThat(text).contains("printer manual").doesNotContain("\u0002", "\u0003");
    }

    @Test
    void a_ticket_names_its_related_article_published_for_customers_any_for_staff() {
        String draft = write(agent, "Printer internals", "Staff only.", "draft");
        String published = write(agent, "Printer offline", "Check the cable.", "published");

        var refused = server.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"Printer\",\"description\":\"Broken\",\"category\":\"technical\",\"related_article\":\""
                        + draft + "\"}");
        var filed = server.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"Printer\",\"description\":\"Broken\",\"category\":\"technical\",\"related_article\":\""
                        + published + "\"}");
        String ticket = filed.jsonBody().get("id").asText();
        var toDraft =
                server.patch(agent, "/api/v1/tickets/" + ticket, "{\"related_article\":\"" + draft + "\"}", Map.of());
        var customerView = server.get(customer, "/api/v1/portal/tickets/" + ticket);
        var cleared = server.patch(agent, "/api/v1/tickets/" + ticket, "{\"related_article\":null}", Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.jsonBody().get("errors").get(0).get("field").asText())
                .isEqualTo("related_article");
        assertThat(filed.jsonBody().get("related_article").asText()).isEqualTo(published);
        assertThat(toDraft.status()).as(toDraft.body()).isEqualTo(200);
        assertThat(toDraft.jsonBody().get("related_article").asText()).isEqualTo(draft);
        assertThat(customerView.jsonBody().get("related_article").isNull()).isTrue();
        assertThat(cleared.jsonBody().get("related_article").isNull()).isTrue();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }
}
