package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's secondary pages in a real browser, against the real API: an admin changes the SLA policy, adds an
 * agent, creates an API token and exports CSV; the stats page charts the API's figures; the knowledge base publishes
 * an article the portal then finds; the call-back queue follows the stream. Every page keeps to the
 * Content-Security-Policy and passes axe-core.
 */
class AdminJourneyTest {
    private static final List<String> ADMIN_SECTIONS = List.of(
            "people", "organisations", "categories", "sla", "hours", "settings", "tokens", "webhooks", "channels");

    final WebWorld world = WebWorld.get();

    @Test
    void an_admin_changes_the_sla_policy_adds_an_agent_and_creates_a_token_shown_once() {
        WebWorld.Tenant acme = world.tenant("admin");
        Browser browser = signedIn(acme.admin(), "/desk/#/admin/sla");
        browser.await(".admin-section form");

        browser.type("input[name='targets.urgent.first_response_minutes']", "45");
        browser.type("input[name='targets.low.resolution_minutes']", "7200");
        browser.click("main form button[type=submit]");
        browser.awaitText(".admin-section .notice", "version");
        JsonNode policy = world.call(acme.admin(), "GET", "/api/v1/sla-policy", null);
        assertThat(policy.at("/targets/urgent/first_response_minutes").asInt()).isEqualTo(45);
        assertThat(policy.at("/targets/low/resolution_minutes").asInt()).isEqualTo(7200);
        assertThat(browser.await("input[name='targets.urgent.first_response_minutes']")
                        .getAttribute("value"))
                .isEqualTo("45");

        openSection(browser, "people");
        browser.type("form.card input[name=name]", "Nina New");
        browser.type("form.card input[name=email]", "nina@" + acme.slug() + ".example");
        browser.type("form.card input[name=password]", "nina-password");
        browser.click("form.card button[type=submit]");
        browser.awaitText(".admin-section .notice", "Nina New was added.");
        JsonNode agents = world.call(acme.admin(), "GET", "/api/v1/agents?limit=100", null);
        assertThat(agents.get("items").findValuesAsText("email")).contains("nina@" + acme.slug() + ".example");
        assertThat(browser.pageText()).contains("Nina New");

        openSection(browser, "tokens");
        browser.type("form.card input[name=name]", "CRM sync");
        browser.click("form.card button[type=submit]");
        String secret = browser.await("input.secret").getAttribute("value");
        assertThat(secret).isNotBlank();
        assertThat(world.http.send(secret, "GET", "/api/v1/tickets", null).status())
                .isEqualTo(200);
        openSection(browser, "people");
        openSection(browser, "tokens");
        browser.awaitText("main table", "CRM sync");
        assertThat(browser.all("input.secret")).isEmpty();
        assertThat(browser.pageSource()).doesNotContain(secret);
        browser.click("main table button.danger");
        browser.await("dialog.confirm[open]");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.click("dialog.confirm button.danger");
        browser.awaitText(".admin-section .notice", "revoked");
        assertThat(world.call(acme.admin(), "GET", "/api/v1/api-tokens", null)
                        .at("/items/0/revoked_at")
                        .isNull())
                .isFalse();
        assertThat(world.http.send(secret, "GET", "/api/v1/tickets", null).status())
                .isEqualTo(401);

        for (String section : ADMIN_SECTIONS) {
            openSection(browser, section);
            assertThat(browser.accessibilityViolations()).as(section).isEmpty();
            browser.screenshot(Path.of("target/screenshots/desk-admin-" + section + ".png"));
        }
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void the_admin_sections_save_what_they_show_and_say_what_the_api_refused() {
        WebWorld.Tenant acme = world.tenant("sections");
        Browser browser = signedIn(acme.admin(), "/desk/#/admin/organisations");
        browser.await(".admin-section form");
        browser.type("form.card input[name=name]", "Globex");
        browser.click("form.card input[name=shared_tickets]");
        browser.click("form.card button[type=submit]");
        browser.awaitText(".admin-section .notice", "Globex");
        assertThat(world.call(acme.admin(), "GET", "/api/v1/organizations", null)
                        .at("/items/0/shared_tickets")
                        .asBoolean())
                .isTrue();

        openSection(browser, "categories");
        browser.click("form.card .actions button[type=button]");
        browser.type("ol.category-rows li:last-child input", "hardware");
        browser.click("form.card button[type=submit]");
        browser.awaitText(".admin-section .notice", "saved");
        assertThat(world.call(acme.admin(), "GET", "/api/v1/categories", null)
                        .get("categories")
                        .toString())
                .contains("\"hardware\"");

        openSection(browser, "hours");
        browser.type("input[name='weekly_hours.monday']", "9-17");
        browser.click("form.card button[type=submit]");
        browser.awaitText(".field-error", "09:00-17:00");
        assertThat(browser.await("input[name='weekly_hours.monday']").getAttribute("aria-invalid"))
                .isEqualTo("true");
        if (browser.await("input[name=always_open]").isSelected()) {
            browser.click("input[name=always_open]");
        }
        browser.type("input[name=time_zone]", "Europe/Berlin");
        browser.type("input[name='weekly_hours.monday']", "09:00-13:00, 14:00-18:00");
        browser.click("form.card button[type=submit]");
        browser.awaitText(".admin-section .notice", "version");
        JsonNode hours = world.call(acme.admin(), "GET", "/api/v1/business-hours", null);
        assertThat(hours.get("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(hours.at("/weekly_hours/monday").toString())
                .isEqualTo("[{\"from\":\"09:00\",\"to\":\"13:00\"},{\"from\":\"14:00\",\"to\":\"18:00\"}]");

        openSection(browser, "settings");
        browser.type("input[name=auto_close_days]", "9");
        browser.click("form.card button[type=submit]");
        browser.awaitText(".admin-section .notice", "saved");
        assertThat(world.call(acme.admin(), "GET", "/api/v1/settings", null)
                        .get("auto_close_days")
                        .asInt())
                .isEqualTo(9);

        openSection(browser, "webhooks");
        browser.type("form.card input[name=url]", "http://127.0.0.1/hook");
        browser.click("form.card input[value=ticket_created]");
        browser.click("form.card button[type=submit]");
        browser.await("form.card .field-error");
        assertThat(browser.await("form.card input[name=url]").getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(world.call(acme.admin(), "GET", "/api/v1/webhooks", null).get("items"))
                .isEmpty();

        openSection(browser, "channels");
        browser.type("input[name=support_address]", "help@" + acme.slug() + ".example");
        browser.click("form.card button[type=submit]");
        String inbound = browser.await("input.secret").getAttribute("value");
        assertThat(inbound).startsWith("sdin_");
        assertThat(world.call(acme.admin(), "GET", "/api/v1/channels/email", null)
                        .get("support_address")
                        .asText())
                .isEqualTo("help@" + acme.slug() + ".example");
        assertThat(browser.accessibilityViolations()).isEmpty();
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void the_stats_page_charts_the_apis_figures_and_an_admin_exports_the_tickets_as_csv() {
        WebWorld.Tenant acme = world.tenant("stats");
        List<String> numbers = new ArrayList<>();
        for (String subject : List.of("Printer jammed", "VPN down", "Mail bounces")) {
            numbers.add(world.call(acme.customer(), "POST", "/api/v1/portal/tickets", ticket(subject))
                    .get("number")
                    .asText());
        }
        JsonNode agent =
                world
                        .call(acme.admin(), "GET", "/api/v1/agents?limit=100", null)
                        .get("items")
                        .findParents("email")
                        .stream()
                        .filter(person ->
                                person.get("email").asText().equals(acme.agent().email()))
                        .findFirst()
                        .orElseThrow();
        world.call(
                acme.agent(),
                "POST",
                "/api/v1/tickets/" + numbers.get(0) + "/assign",
                Map.of("assignee_id", agent.get("id").asText()));
        world.call(
                acme.agent(),
                "POST",
                "/api/v1/tickets/" + numbers.get(0) + "/messages",
                Map.of("kind", "public", "body", "Which printer?"));
        JsonNode stats = world.call(acme.admin(), "GET", "/api/v1/tickets/stats", null);

        Browser browser = signedIn(acme.admin(), "/desk/#/stats");
        browser.await("figure.chart .chart-plot canvas");
        assertThat(browser.all("figure.chart")).hasSize(3);
        browser.awaitScript("return document.querySelectorAll('figure.chart canvas').length === 3");
        String byStatus = chartLabel(browser, 1);
        assertThat(byStatus)
                .contains("New " + stats.at("/by_status/new").asInt())
                .contains("In progress " + stats.at("/by_status/in_progress").asInt())
                .contains("Closed 0");
        JsonNode perDay = stats.get("per_day");
        assertThat(chartLabel(browser, 0))
                .endsWith(" " + perDay.get(perDay.size() - 1).get("count").asInt());
        assertThat(perDay.get(perDay.size() - 1).get("count").asInt()).isEqualTo(3);
        assertThat(figure(browser, "Tickets created")).isEqualTo("3");
        assertThat(figure(browser, "Unassigned")).isEqualTo("2");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.screenshot(Path.of("target/screenshots/desk-stats.png"));
        assertThat(chartLabel(browser, 2)).startsWith("First response and resolution times: Average: First response ");
        browser.script("document.querySelectorAll('figure.chart')[2].scrollIntoView()");
        browser.screenshot(Path.of("target/screenshots/desk-stats-times.png"));

        String everything = browser.await("a[download]").getAttribute("href");
        assertThat(everything).contains("/api/v1/tickets/export.csv");
        String csv = fetchText(browser, everything);
        assertThat(csv).contains("number,id,subject");
        numbers.forEach(number -> assertThat(csv).contains(number));

        new Select(browser.await("select[name=status]")).selectByValue("in_progress");
        String inProgress = browser.await("a[download]").getAttribute("href");
        assertThat(inProgress).contains("status=in_progress");
        String filtered = fetchText(browser, inProgress);
        assertThat(filtered)
                .contains(numbers.get(0))
                .doesNotContain(numbers.get(1))
                .doesNotContain(numbers.get(2));
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void an_agent_writes_and_publishes_an_article_that_the_portal_then_finds_and_is_kept_out_of_administration() {
        WebWorld.Tenant acme = world.tenant("kb");
        Browser browser = signedIn(acme.agent(), "/desk/#/kb");
        browser.awaitText("main", "No articles match.");
        assertThat(browser.accessibilityViolations()).isEmpty();

        browser.click("main a.button.primary");
        browser.type("input[name=title]", "Clearing a toner jam");
        browser.type("textarea[name=body]", "Open the front cover.\nPull the drawer gently.");
        browser.type("input[name=tags]", "printing, Toner");
        browser.click("main form button[type=submit]");
        browser.awaitText("main h1", "Clearing a toner jam");
        assertThat(world.call(acme.customer(), "GET", "/api/v1/portal/kb/articles?q=toner", null)
                        .get("items"))
                .isEmpty();

        new Select(browser.await("select[name=status]")).selectByValue("published");
        browser.click("main form button[type=submit]");
        browser.awaitText("main form .form-status", "Saved.");
        JsonNode found = world.call(acme.customer(), "GET", "/api/v1/portal/kb/articles?q=toner", null);
        assertThat(found.get("items").findValuesAsText("title")).containsExactly("Clearing a toner jam");
        JsonNode article = world.call(acme.agent(), "GET", "/api/v1/kb/articles?q=toner", null)
                .get("items")
                .get(0);
        assertThat(article.get("tags").toString()).isEqualTo("[\"printing\",\"toner\"]");
        assertThat(browser.accessibilityViolations()).isEmpty();

        browser.open(world.url("/desk/#/kb?status=published"));
        browser.awaitText("main table", "Clearing a toner jam");

        browser.open(world.url("/desk/#/admin/people"));
        browser.awaitText("main", "Only admins");
        assertThat(browser.all(".admin-section")).isEmpty();
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void a_call_back_request_shows_up_live_in_russian_and_is_marked_done() throws InterruptedException {
        WebWorld.Tenant acme = world.tenant("calls");
        Browser browser = world.freshBrowser();
        browser.open(world.url("/desk/#/calls"));
        browser.script("localStorage.setItem('supportdesk.language', 'ru'); location.reload();");
        browser.awaitText("main h1", "Вход");
        browser.signIn(acme.slug(), acme.agent().email(), acme.agent().password());
        browser.awaitText("main h1", "Обратные звонки");
        browser.awaitText("main", "Нет подходящих звонков.");
        // The stream opens before the page loads its list; give it a moment to be established on the server.
        Thread.sleep(500);

        String call = world.call(
                        acme.customer(),
                        "POST",
                        "/api/v1/portal/calls",
                        Map.of("phone", "+44 20 7946 0000", "note", "After 3 pm please"))
                .get("id")
                .asText();
        browser.awaitText("[data-call='" + call + "']", "Carla Customer");
        assertThat(browser.pageText()).contains("+44 20 7946 0000").contains("After 3 pm please");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.screenshot(Path.of("target/screenshots/desk-calls.png"));

        browser.click("[data-call='" + call + "'] button.primary");
        browser.awaitScript("return !document.querySelector(\"[data-call='" + call + "']\")");
        assertThat(world.call(acme.agent(), "GET", "/api/v1/calls/" + call, null)
                        .get("status")
                        .asText())
                .isEqualTo("done");
        browser.awaitText("main .notice", "Звонок сохранён.");
        assertThat(browser.policyViolations()).isEmpty();
    }

    private Browser signedIn(WebWorld.Account account, String path) {
        Browser browser = world.freshBrowser();
        browser.open(world.url(path));
        browser.signIn(account.tenant(), account.email(), account.password());
        browser.await("header.top nav");
        return browser;
    }

    /** Opens an admin section and waits until it shows its own form, not the one of the section before. */
    private void openSection(Browser browser, String section) {
        browser.open(world.url("/desk/#/admin/" + section));
        browser.awaitScript("return !!document.querySelector(\".subnav a[aria-current=page][href='#/admin/" + section
                + "']\") && !!document.querySelector('.admin-section form')");
    }

    /** The value a figure of the stats' summary shows. */
    private static String figure(Browser browser, String label) {
        return String.valueOf(browser.script(
                "const term = [...document.querySelectorAll('dl.figures dt')].find(d => d.textContent === arguments[0]);"
                        + "return term && term.nextElementSibling.textContent;",
                label));
    }

    private static Map<String, Object> ticket(String subject) {
        return Map.of(
                "subject",
                subject,
                "description",
                subject + ", since nine",
                "category",
                "technical",
                "priority",
                "medium");
    }

    /** The accessible name of the page's n-th chart: its title and every number. */
    private static String chartLabel(Browser browser, int index) {
        return String.valueOf(browser.script(
                "return document.querySelectorAll('figure.chart .chart-plot')[arguments[0]].getAttribute('aria-label')",
                index));
    }

    /** A link's answer as the page's own session fetches it. */
    private static String fetchText(Browser browser, String url) {
        return String.valueOf(((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('error: ' + e));",
                        url));
    }
}
