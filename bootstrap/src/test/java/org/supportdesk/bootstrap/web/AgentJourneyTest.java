package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.supportdesk.domain.tenant.Role;

/**
 * The agent console in a real browser: an agent works the queue from a filter to a resolved ticket with the keyboard,
 * a stale edit is refused with a clear message instead of overwriting another agent's change, another agent's reply
 * shows on the open ticket as it happens, and a duplicate is merged, unmerged and split from the ticket page. What the
 * page did is checked through the API afterwards.
 */
class AgentJourneyTest {
    /**
     * Marks the page once its event stream is open: a change made before that is not one the stream promises to tell
     * (it starts "now"), so a live test waits for it. Injected through DevTools, outside the page's policy.
     */
    private static final String MARK_STREAM_OPEN = "(() => { const Source = window.EventSource;"
            + " window.EventSource = class extends Source { constructor(...args) { super(...args);"
            + " this.addEventListener('open', () => { window.supportdeskStreamOpen = true; }); } }; })();";

    final WebWorld world = WebWorld.get();

    @Test
    void an_agent_filters_the_queue_opens_a_ticket_by_keyboard_notes_replies_assigns_and_resolves_it() {
        WebWorld.Tenant acme = world.tenant("journey");
        String invoices =
                file(acme, "Invoices page is blank after login", "Since this morning the page is white.", "high");
        file(acme, "Password reset mail never arrives", "Tried three times.", "low");
        Browser browser = world.freshBrowser();

        browser.open(world.url("/desk/"));
        browser.signIn(acme.slug(), acme.agent().email(), acme.agent().password());
        browser.awaitText("table.queue", "Password reset mail never arrives");
        assertThat(browser.accessibilityViolations()).as("queue").isEmpty();

        new Select(browser.await("select[name=priority]")).selectByValue("high");
        awaitRows(browser, 1);
        assertThat(browser.driver().getCurrentUrl()).contains("priority=high");
        browser.driver().navigate().refresh();
        browser.awaitText("table.queue", "Invoices page is blank after login");
        awaitRows(browser, 1);
        assertThat(new Select(browser.await("select[name=priority]"))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("high");

        keys(browser, "j");
        browser.awaitScript("return document.activeElement.closest('tr.selected') !== null");
        keys(browser, Keys.ENTER);
        browser.awaitText("h1", "Invoices page is blank after login");
        assertThat(browser.driver().getCurrentUrl()).contains("#/tickets/" + invoices);

        keys(browser, "n");
        browser.awaitScript("return document.activeElement.matches('form.compose.internal textarea')");
        keys(browser, "Customer is on the legacy billing plan; check with finance first.");
        browser.click("form.compose.internal button[type=submit]");
        browser.awaitText(".conversation .message.internal", "legacy billing plan");
        assertThat(browser.await(".conversation .message.internal .kind-label").getText())
                .isEqualTo("Internal note");

        browser.script("document.activeElement.blur()");
        keys(browser, "r");
        browser.awaitScript("return document.activeElement.matches('form.compose.public textarea')");
        keys(browser, "We found the cause and deployed a fix. Please reload the page.");
        browser.click("form.compose.public button[type=submit]");
        browser.awaitText(".conversation .message.public", "deployed a fix");

        browser.click("button.assign-me");
        browser.awaitScript("return document.querySelector('button.assign-me') === null");
        new Select(browser.await("select[name=status]")).selectByValue("resolved");
        browser.awaitText(".ticket-meta", "Resolved");
        assertThat(browser.accessibilityViolations()).as("ticket").isEmpty();

        JsonNode seen = world.call(acme.customer(), "GET", "/api/v1/portal/tickets/" + invoices, null);
        assertThat(bodies(seen)).anyMatch(body -> body.contains("deployed a fix"));
        assertThat(bodies(seen)).noneMatch(body -> body.contains("legacy billing plan"));
        JsonNode staffView = world.call(acme.agent(), "GET", "/api/v1/tickets/" + invoices, null);
        assertThat(staffView.get("status").asText()).isEqualTo("resolved");
        assertThat(staffView.get("assignee_id").asText()).isEqualTo(personId(acme, acme.agent()));

        browser.script("document.activeElement.blur()");
        keys(browser, Keys.ESCAPE);
        browser.awaitText("h1", "Queue");
        assertThat(browser.driver().getCurrentUrl()).contains("priority=high");
        browser.script("localStorage.setItem('supportdesk.language', 'ru')");
        browser.driver().navigate().refresh();
        browser.awaitText("h1", "Очередь");
        browser.script("localStorage.removeItem('supportdesk.language')");
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void a_stale_edit_is_refused_with_a_clear_message_and_leaves_the_other_change_standing() {
        WebWorld.Tenant acme = world.tenant("stale");
        String id =
                file(acme, "Export to PDF cuts the last page", "The last page of every report is missing.", "medium");
        WebWorld.Account otto = other(acme);
        Browser browser = openTicket(acme, id);
        browser.type("form.compose.public textarea", "Looking into it now");

        world.call(otto, "PATCH", "/api/v1/tickets/" + id, Map.of("priority", "high"));
        browser.awaitText(".ticket-alerts .notice", "Changed by someone else");
        new Select(browser.await("select[name=priority]")).selectByValue("low");

        browser.awaitText(
                ".ticket-alerts .error", "This ticket was changed by someone else — reload to see the changes");
        assertThat(world.call(acme.agent(), "GET", "/api/v1/tickets/" + id, null)
                        .get("priority")
                        .asText())
                .isEqualTo("high");
        assertThat(selected(browser, "priority")).isEqualTo("medium");
        browser.click(".ticket-alerts .error button.reload");
        browser.awaitScript("return document.querySelector('select[name=priority]').value === 'high'");
        assertThat(browser.await("form.compose.public textarea").getAttribute("value"))
                .as("the draft survives the reload")
                .isEqualTo("Looking into it now");
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void another_agents_reply_appears_and_is_announced_on_the_open_ticket() {
        WebWorld.Tenant acme = world.tenant("live");
        String id = file(
                acme,
                "Invoices page is blank after login",
                "Since this morning the invoices page shows nothing but a white screen. Chrome 126 on Windows.",
                "high");
        String path = "/api/v1/tickets/" + id;
        world.call(
                acme.agent(),
                "POST",
                path + "/messages",
                Map.of(
                        "kind", "public",
                        "body", "Thanks for the report. Could you tell us which account you sign in with?"));
        world.call(
                acme.customer(),
                "POST",
                "/api/v1/portal/tickets/" + id + "/messages",
                Map.of("body", "It is carla@acme.example, on the Business plan."));
        world.call(
                acme.agent(),
                "POST",
                path + "/messages",
                Map.of(
                        "kind", "internal",
                        "body", "Reproduced on staging: the invoices query times out for Business plan accounts."));
        world.call(acme.agent(), "PATCH", path, Map.of("tags", List.of("billing", "regression")));
        WebWorld.Account otto = other(acme);
        Browser browser = openTicket(acme, id);

        world.call(
                otto,
                "POST",
                path + "/messages",
                Map.of(
                        "kind", "public",
                        "body", "A fix is rolling out now; the page should load again within the hour."));

        browser.awaitText(".conversation", "A fix is rolling out now");
        browser.awaitText(".ticket-alerts .notice", "New message from Otto Other");
        browser.awaitScript("return document.querySelector('.badge.sla') !== null");
        assertThat(browser.all(".conversation .message.internal")).hasSize(1);
        browser.screenshot(Path.of("target/screenshots/console.png"));
        assertThat(browser.accessibilityViolations()).isEmpty();
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void an_agent_merges_a_duplicate_takes_the_merge_back_and_splits_a_message_off_from_the_ticket_page() {
        WebWorld.Tenant acme = world.tenant("merge");
        String original =
                file(acme, "Invoices page is blank after login", "Since this morning the page is white.", "high");
        String duplicate = file(acme, "Invoices still blank", "The invoices page is white again.", "medium");
        world.call(
                acme.customer(),
                "POST",
                "/api/v1/portal/tickets/" + duplicate + "/messages",
                Map.of("body", "Unrelated, but the printer on floor 3 jams too."));
        String number = ticket(acme, original).get("number").asText();
        String statusBefore = ticket(acme, duplicate).get("status").asText();
        Browser browser = openTicket(acme, duplicate);

        browser.type(".card.merge input[name=into]", number);
        browser.click(".card.merge button[type=submit]");
        browser.awaitText(".card.merge a.merged-into", number + ": Invoices page is blank after login");
        browser.awaitText(".ticket-meta", "Closed");
        assertThat(ticket(acme, duplicate).get("merged_into").asText()).isEqualTo(original);
        assertThat(bodies(ticket(acme, original))).contains("Unrelated, but the printer on floor 3 jams too.");
        assertThat(browser.all(".card.split"))
                .as("a merged ticket is closed: nothing to split")
                .isEmpty();
        assertThat(browser.accessibilityViolations()).as("merged").isEmpty();

        browser.click(".card.merge button.unmerge");
        browser.awaitText(".ticket-alerts .notice", "Unmerged");
        JsonNode unmerged = ticket(acme, duplicate);
        assertThat(unmerged.get("merged_into").isNull()).isTrue();
        assertThat(unmerged.get("status").asText()).isEqualTo(statusBefore);
        assertThat(bodies(ticket(acme, original))).noneMatch(body -> body.contains("printer"));

        browser.click(".card.split input[name=message_ids]");
        browser.type(".card.split input[name=subject]", "Printer on floor 3 jams");
        browser.click(".card.split button[type=submit]");
        browser.awaitText("h1", "Printer on floor 3 jams");
        browser.awaitText(".conversation", "the printer on floor 3 jams too");
        String url = browser.driver().getCurrentUrl();
        String splitOff = url.substring(url.indexOf("#/tickets/") + "#/tickets/".length());
        JsonNode created = ticket(acme, splitOff);
        assertThat(created.get("description").asText())
                .startsWith(
                        "Split from " + ticket(acme, duplicate).get("number").asText());
        assertThat(bodies(created)).containsExactly("Unrelated, but the printer on floor 3 jams too.");
        assertThat(bodies(ticket(acme, duplicate))).isEmpty();
        assertThat(browser.accessibilityViolations()).as("split off").isEmpty();
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void notifications_are_marked_read_and_the_header_count_follows() {
        WebWorld.Tenant acme = world.tenant("notices");
        file(acme, "Printer on floor 3 is offline", "It shows a red light.", "medium");
        Browser browser = world.freshBrowser();
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", MARK_STREAM_OPEN));
        browser.open(world.url("/desk/#/notifications"));
        browser.signIn(acme.slug(), acme.agent().email(), acme.agent().password());

        browser.awaitText("ul.notifications", "Printer on floor 3 is offline");
        browser.awaitText("#nav-notifications", "1");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.click("ul.notifications li.unread button");
        browser.awaitScript("return document.querySelector('ul.notifications li.unread') === null");
        browser.awaitScript("return document.getElementById('nav-notifications').textContent === 'Notifications'");

        browser.awaitScript("return window.supportdeskStreamOpen === true");
        file(acme, "Scanner sends blank pages", "Every scan comes out white.", "low");
        browser.awaitText("ul.notifications li.unread", "Scanner sends blank pages");
        browser.awaitText("#nav-notifications", "1");
        browser.click("main .toolbar button");
        browser.awaitScript("return document.querySelector('ul.notifications li.unread') === null");
        assertThat(world.call(acme.agent(), "GET", "/api/v1/notifications?unread=true", null)
                        .get("unread_count")
                        .asInt())
                .isZero();
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void an_admin_exports_the_queue_as_shown_and_an_agent_is_not_offered_the_export() {
        WebWorld.Tenant acme = world.tenant("export");
        file(acme, "Printer on floor 3 is offline", "It shows a red light.", "high");
        file(acme, "Scanner sends blank pages", "Every scan comes out white.", "low");
        Browser browser = world.freshBrowser();
        browser.open(world.url("/desk/#/queue?status=all&priority=high"));
        browser.signIn(acme.slug(), acme.admin().email(), acme.admin().password());
        awaitRows(browser, 1);

        String href = browser.await("a.export").getAttribute("href");
        assertThat(href).contains("/api/v1/tickets/export.csv?").contains("priority=high");
        Object csv = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript("fetch(arguments[0]).then(r => r.text()).then(arguments[1]);", href);
        assertThat(String.valueOf(csv))
                .contains("Printer on floor 3 is offline")
                .doesNotContain("Scanner");

        browser.forgetEverything(world.url("/assets/app.css"));
        browser.open(world.url("/desk/#/queue?status=all&priority=high"));
        browser.signIn(acme.slug(), acme.agent().email(), acme.agent().password());
        awaitRows(browser, 1);
        assertThat(browser.all("a.export")).isEmpty();
        assertThat(browser.policyViolations()).isEmpty();
    }

    /** The ticket page, signed in as the tenant's agent, once its event stream is open. */
    private Browser openTicket(WebWorld.Tenant acme, String id) {
        Browser browser = world.freshBrowser();
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", MARK_STREAM_OPEN));
        browser.open(world.url("/desk/#/tickets/" + id));
        browser.signIn(acme.slug(), acme.agent().email(), acme.agent().password());
        browser.await("form.compose.public textarea");
        browser.awaitScript("return window.supportdeskStreamOpen === true");
        return browser;
    }

    private String file(WebWorld.Tenant acme, String subject, String description, String priority) {
        return world.call(
                        acme.customer(),
                        "POST",
                        "/api/v1/portal/tickets",
                        Map.of(
                                "subject",
                                subject,
                                "description",
                                description,
                                "category",
                                "billing",
                                "priority",
                                priority))
                .get("id")
                .asText();
    }

    private JsonNode ticket(WebWorld.Tenant acme, String id) {
        return world.call(acme.agent(), "GET", "/api/v1/tickets/" + id, null);
    }

    private WebWorld.Account other(WebWorld.Tenant acme) {
        return world.person(acme.adminActor(), acme.slug(), "Otto Other", Role.AGENT, acme.slug() + "-password");
    }

    private String personId(WebWorld.Tenant acme, WebWorld.Account account) {
        for (JsonNode person : world.call(acme.admin(), "GET", "/api/v1/agents?limit=100", null)
                .get("items")) {
            if (person.get("email").asText().equals(account.email())) {
                return person.get("id").asText();
            }
        }
        throw new AssertionError(account.email() + " is not among the agents");
    }

    private static List<String> bodies(JsonNode ticket) {
        List<String> bodies = new ArrayList<>();
        ticket.get("messages").forEach(message -> bodies.add(message.get("body").asText()));
        return bodies;
    }

    private static String selected(Browser browser, String name) {
        return new Select(browser.await("select[name=" + name + "]"))
                .getFirstSelectedOption()
                .getAttribute("value");
    }

    /** Keys typed wherever the focus is, as a person would. */
    private static void keys(Browser browser, CharSequence keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private static void awaitRows(Browser browser, int count) {
        browser.awaitScript("return document.querySelectorAll('table.queue tbody tr').length === " + count);
    }
}
