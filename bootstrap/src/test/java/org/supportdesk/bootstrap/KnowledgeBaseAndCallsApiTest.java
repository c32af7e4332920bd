package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * The knowledge base and call-backs over HTTP against the whole server on a real PostgreSQL, signed in through the real
 * login, with a second tenant next door: drafts never reach customers, a title match outranks body matches under
 * PostgreSQL's ranking, another tenant's articles are never found, snippets carry ranges and no markup, and call-backs
 * keep to their window, their customer and their transition table.
 */
@Timeout(300)
class KnowledgeBaseAndCallsApiTest {
    private static ApiServer server;
    private static Supportdesk desk;
    private static TestHttp http;
    private static String customer;
    private static String otherCustomer;
    private static String agent;
    private static String admin;
    private static String globexCustomer;
    private static String globexAgent;
    private static Person agnes;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
        desk = server.desk;
        http = server.http;
        StaffActor boss = Onboarding.tenant(desk.useCases(), "acme", "boss@acme.example", "boss-password");
        server.person(boss, "acme", "Carla", Role.CUSTOMER);
        server.person(boss, "acme", "Oscar", Role.CUSTOMER);
        agnes = server.person(boss, "acme", "Agnes", Role.AGENT);
        StaffActor globexBoss =
                Onboarding.tenant(desk.useCases(), "globex", "boss@globex.example", "globex-boss-password");
        server.person(globexBoss, "globex", "Gina", Role.CUSTOMER);
        server.person(globexBoss, "globex", "Gus", Role.AGENT);
        customer = server.signIn("acme", "carla@acme.example", "carla-password");
        otherCustomer = server.signIn("acme", "oscar@acme.example", "oscar-password");
        agent = server.signIn("acme", "agnes@acme.example", "agnes-password");
        admin = server.signIn("acme", "boss@acme.example", "boss-password");
        globexCustomer = server.signIn("globex", "gina@globex.example", "gina-password");
        globexAgent = server.signIn("globex", "gus@globex.example", "gus-password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String article(String token, String title, String body, String status) {
        TestHttp.Response written = http.post(
                token,
                "/api/v1/kb/articles",
                "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"status\":\"" + status + "\"}");
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        return written.json().get("id").asText();
    }

    private static List<String> ids(TestHttp.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    // ---- the knowledge base ----------------------------------------------------------------------------------

    @Test
    void drafts_are_invisible_to_customers_in_lists_search_reads_suggestions_and_related_articles() {
        String draft = article(agent, "Zebra draft guide", "Zebra internal notes for staff.", "draft");
        String published = article(agent, "Zebra printing guide", "How zebra labels print.", "published");

        assertThat(ids(http.get(customer, "/api/v1/portal/kb/articles?q=zebra")))
                .containsExactly(published);
        assertThat(ids(http.get(customer, "/api/v1/portal/kb/articles?limit=100")))
                .doesNotContain(draft);
        assertThat(ids(http.get(customer, "/api/v1/portal/kb/suggestions?subject=zeb")))
                .containsExactly(published);
        TestHttp.Response readDraft = http.get(customer, "/api/v1/portal/kb/articles/" + draft);
        TestHttp.Response readMissing = http.get(customer, "/api/v1/portal/kb/articles/" + UUID.randomUUID());
        assertThat(readDraft.status()).isEqualTo(404);
        assertThat(readDraft.body()).isEqualTo(readMissing.body());
        assertThat(http.get(customer, "/api/v1/portal/kb/articles/" + published).status())
                .isEqualTo(200);
        assertThat(ids(http.get(agent, "/api/v1/kb/articles?q=zebra"))).containsExactlyInAnyOrder(draft, published);

        TestHttp.Response namingDraft = http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"Zebra labels\",\"description\":\"Blank\",\"category\":\"technical\","
                        + "\"related_article\":\"" + draft + "\"}");
        assertThat(namingDraft.status()).isEqualTo(400);
        String ticket = http.post(
                        customer,
                        "/api/v1/portal/tickets",
                        "{\"subject\":\"Zebra labels\",\"description\":\"Blank\",\"category\":\"technical\"}")
                .json()
                .get("id")
                .asText();
        TestHttp.Response related =
                http.send(agent, "PATCH", "/api/v1/tickets/" + ticket, "{\"related_article\":\"" + draft + "\"}");
        assertThat(related.status()).as(related.body()).isEqualTo(200);
        assertThat(related.json().get("related_article").asText()).isEqualTo(draft);
        assertThat(http.get(customer, "/api/v1/portal/tickets/" + ticket)
                        .json()
                        .get("related_article")
                        .isNull())
                .isTrue();
        JsonNode listed = http.get(customer, "/api/v1/portal/tickets").json().get("items");
        listed.forEach(item -> assertThat(item.get("related_article").isNull()).isTrue());

        http.send(agent, "PATCH", "/api/v1/kb/articles/" + draft, "{\"status\":\"published\"}");
        assertThat(http.get(customer, "/api/v1/portal/tickets/" + ticket)
                        .json()
                        .get("related_article")
                        .asText())
                .isEqualTo(draft);
        TestHttp.Response kept = http.send(admin, "DELETE", "/api/v1/kb/articles/" + draft, null);
        assertThat(kept.status()).isEqualTo(409);
        assertThat(kept.json().get("code").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void a_title_match_outranks_body_matches_in_postgresql_ranking() {
        String inBody = article(
                agent,
                "Paper handling",
                "Quokka quokka quokka: the quokka tray, the quokka roller and the quokka lid.",
                "published");
        String inTitle = article(agent, "Quokka setup", "Unpack and plug in.", "published");

        assertThat(ids(http.get(customer, "/api/v1/portal/kb/articles?q=quokka")))
                .containsExactly(inTitle, inBody);
        assertThat(ids(http.get(customer, "/api/v1/portal/kb/suggestions?subject=quok")))
                .containsExactly(inTitle, inBody);
    }

    @Test
    void another_tenants_articles_are_never_found() {
        String foreign = article(globexAgent, "Wombat guide", "Globex wombat secrets.", "published");

        assertThat(ids(http.get(customer, "/api/v1/portal/kb/articles?q=wombat")))
                .isEmpty();
        assertThat(ids(http.get(customer, "/api/v1/portal/kb/suggestions?subject=wombat")))
                .isEmpty();
        assertThat(ids(http.get(agent, "/api/v1/kb/articles?q=wombat"))).isEmpty();
        assertThat(http.get(customer, "/api/v1/portal/kb/articles/" + foreign).status())
                .isEqualTo(404);
        assertThat(http.get(agent, "/api/v1/kb/articles/" + foreign).status()).isEqualTo(404);
        assertThat(ids(http.get(globexCustomer, "/api/v1/portal/kb/articles?q=wombat")))
                .containsExactly(foreign);
    }

    @Test
    void snippets_highlight_the_words_as_ranges_and_no_article_can_inject_html() {
        article(
                agent,
                "Markup",
                "Intro <img src=x onerror=alert(1)> <b>bold</b> <mark>forged</mark> then the platypus manual <script>x</script>.",
                "published");

        JsonNode hit = http.get(customer, "/api/v1/portal/kb/articles?q=platypus")
                .json()
                .get("items")
                .get(0);
        String text = hit.get("snippet").get("text").asText();
        List<String> highlighted = new ArrayList<>();
        hit.get("snippet")
                .get("highlights")
                .forEach(r -> highlighted.add(
                        text.substring(r.get("start").asInt(), r.get("end").asInt())));

        assertThat(highlighted).containsExactly("platypus");
        assertThat(text).contains("platypus manual").doesNotContain("\u0002", "\u0003", "<mark>platypus");
    }

    // ---- call-backs ------------------------------------------------------------------------------------------

    private static String in(Duration fromNow) {
        return Instant.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void calls_in_the_past_or_more_than_thirty_days_ahead_are_refused() {
        for (String when : List.of(in(Duration.ofHours(-1)), in(Duration.ofDays(31)))) {
            TestHttp.Response refused =
                    http.post(customer, "/api/v1/portal/calls", "{\"scheduled_at\":\"" + when + "\"}");
            assertThat(refused.status()).as(when).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("scheduled_at");
        }
        assertThat(http.post(customer, "/api/v1/portal/calls", "{\"scheduled_at\":\"" + in(Duration.ofDays(29)) + "\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void customers_see_only_their_own_calls_and_cannot_attach_a_ticket_they_may_not_see() {
        String oscarsTicket = http.post(
                        otherCustomer,
                        "/api/v1/portal/tickets",
                        "{\"subject\":\"Oscar's ticket\",\"description\":\"Mine\",\"category\":\"question\"}")
                .json()
                .get("id")
                .asText();
        String globexTicket = http.post(
                        globexCustomer,
                        "/api/v1/portal/tickets",
                        "{\"subject\":\"Gina's ticket\",\"description\":\"Mine\",\"category\":\"question\"}")
                .json()
                .get("id")
                .asText();
        String oscars = http.post(otherCustomer, "/api/v1/portal/calls", "{\"note\":\"Oscar calls\"}")
                .json()
                .get("id")
                .asText();

        TestHttp.Response foreignTicket =
                http.post(customer, "/api/v1/portal/calls", "{\"ticket_id\":\"" + oscarsTicket + "\"}");
        TestHttp.Response otherTenantTicket =
                http.post(customer, "/api/v1/portal/calls", "{\"ticket_id\":\"" + globexTicket + "\"}");

        assertThat(foreignTicket.status()).isEqualTo(400);
        assertThat(foreignTicket.body()).isEqualTo(otherTenantTicket.body());
        assertThat(ids(http.get(customer, "/api/v1/portal/calls"))).doesNotContain(oscars);
        assertThat(ids(http.get(otherCustomer, "/api/v1/portal/calls"))).contains(oscars);
        assertThat(http.get(globexAgent, "/api/v1/calls/" + oscars).status()).isEqualTo(404);
    }

    @Test
    void staff_work_the_queue_and_the_transition_table_holds() {
        String call = http.post(customer, "/api/v1/portal/calls", "{\"note\":\"Queue me\"}")
                .json()
                .get("id")
                .asText();

        TestHttp.Response assigned = http.send(
                agent,
                "PATCH",
                "/api/v1/calls/" + call,
                "{\"assignee_id\":\"" + agnes.id() + "\",\"status\":\"scheduled\",\"scheduled_at\":\""
                        + in(Duration.ofHours(2)) + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(ids(http.get(agent, "/api/v1/calls?assignee=me&status=scheduled")))
                .contains(call);
        assertThat(ids(http.get(agent, "/api/v1/calls?assignee=none"))).doesNotContain(call);
        assertThat(ids(http.get(
                        agent,
                        "/api/v1/calls?due_from=" + in(Duration.ofHours(1)) + "&due_to=" + in(Duration.ofHours(3)))))
                .contains(call);

        TestHttp.Response done = http.send(agent, "PATCH", "/api/v1/calls/" + call, "{\"status\":\"done\"}");
        TestHttp.Response reopened = http.send(agent, "PATCH", "/api/v1/calls/" + call, "{\"status\":\"scheduled\"}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(reopened.status()).isEqualTo(409);
        assertThat(reopened.json().get("code").asText()).isEqualTo("INVALID_TRANSITION");
        assertThat(reopened.json().get("allowed_targets")).isEmpty();
    }
}
