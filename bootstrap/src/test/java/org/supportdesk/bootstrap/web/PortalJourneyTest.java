package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The customer's journey through the portal in a real browser (issue 13): file a ticket with a file while an article is
 * suggested, see the agent's reply arrive live without losing the reply being typed, rate the resolved ticket, ask for
 * a call back, read the notifications; each page checked by axe-core and the policy, and the portal in Russian.
 */
class PortalJourneyTest {
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "portal.png");

    final WebWorld world = WebWorld.get();

    @Test
    void a_customer_files_a_ticket_sees_the_reply_live_rates_it_and_asks_for_a_call() throws IOException {
        WebWorld.Tenant acme = world.tenant("journey");
        world.call(
                acme.agent(),
                "POST",
                "/api/v1/kb/articles",
                Map.of(
                        "title", "Printer error E42: the fuser is overheating",
                        "body", "Switch the printer off for ten minutes, then print a test page.",
                        "status", "published"));
        Path log = Files.createTempDirectory("portal-journey").resolve("printer-status.log");
        Files.writeString(log, "2026-03-02 09:14:03 E42 fuser temperature out of range\n");
        Browser browser = world.freshBrowser();

        browser.open(world.url("/"));
        browser.signIn(acme.slug(), acme.customer().email(), acme.customer().password());
        browser.awaitText("main h1", "My tickets");
        browser.awaitText("main", "No tickets yet.");
        assertThat(browser.accessibilityViolations()).as("my tickets").isEmpty();

        browser.open(world.url("/#/new"));
        browser.awaitText("main h1", "New ticket");
        browser.type("input[name=subject]", "Printer shows error E42");
        browser.awaitText(".kb-suggestions", "Printer error E42: the fuser is overheating");
        browser.click(".kb-suggestions button[aria-expanded]");
        browser.awaitText(".kb-reader", "Switch the printer off for ten minutes");
        browser.type(
                "textarea[name=description]",
                "Since this morning the office printer on the 2nd floor stops with error E42 after two pages.");
        new Select(browser.await("select[name=category]")).selectByValue("technical");
        new Select(browser.await("select[name=priority]")).selectByValue("high");
        browser.await("input[type=file][name=attachment_ids]").sendKeys(log.toString());
        assertThat(browser.accessibilityViolations()).as("new ticket").isEmpty();
        browser.click("form.new-ticket button[type=submit]");

        browser.awaitText("main h1", "Printer shows error E42");
        browser.awaitText(".conversation", "stops with error E42 after two pages");
        browser.awaitText(".conversation .attachments", "printer-status.log");
        String ticketId = String.valueOf(browser.script("return location.hash.split('/')[2]"));
        JsonNode filed = world.call(acme.customer(), "GET", "/api/v1/portal/tickets/" + ticketId, null);
        assertThat(filed.path("attachments").get(0).path("filename").asText()).isEqualTo("printer-status.log");
        assertThat(filed.path("related_article").isTextual()).isTrue();

        browser.type("form.reply textarea[name=body]", "I am still typing this");
        world.call(
                acme.agent(),
                "POST",
                "/api/v1/tickets/" + ticketId + "/messages",
                Map.of("kind", "internal", "body", "INTERNAL-7731 warranty ends in May"));
        world.call(
                acme.agent(),
                "POST",
                "/api/v1/tickets/" + ticketId + "/messages",
                Map.of(
                        "kind",
                        "public",
                        "body",
                        "Hello Carla, E42 means the fuser is too hot. Please switch the printer off for ten minutes"
                                + " and then print a test page."));
        browser.awaitText(".conversation", "the fuser is too hot");
        browser.awaitText(".portal-live[aria-live=polite]", "New reply from Agnes Agent");
        assertThat(browser.await("form.reply textarea[name=body]").getAttribute("value"))
                .isEqualTo("I am still typing this");
        assertThat(browser.pageText()).doesNotContain("INTERNAL-7731");

        browser.type("form.reply textarea[name=body]", "Done: the test page printed fine. Thank you!");
        browser.click("form.reply button[type=submit]");
        browser.awaitText(".conversation", "the test page printed fine");
        world.call(acme.agent(), "PATCH", "/api/v1/tickets/" + ticketId, Map.of("status", "resolved"));
        browser.awaitText(".ticket-summary", "Resolved");
        browser.await("form.feedback");
        assertThat(browser.accessibilityViolations()).as("ticket").isEmpty();
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot(SCREENSHOT);

        browser.click("form.feedback input[name=rating][value='5']");
        browser.type("form.feedback textarea[name=comment]", "Quick and clear, thanks.");
        browser.click("form.feedback button[type=submit]");
        browser.awaitText(".rating-given", "5 of 5");
        JsonNode rated = world.call(acme.customer(), "GET", "/api/v1/portal/tickets/" + ticketId, null);
        assertThat(rated.path("feedback").path("rating").asInt()).isEqualTo(5);
        assertThat(rated.path("feedback").path("comment").asText()).isEqualTo("Quick and clear, thanks.");

        browser.type("form.call-back input[name=phone]", "call me maybe");
        browser.click("form.call-back button[type=submit]");
        browser.await("form.call-back .field-error");
        assertThat(browser.await("form.call-back input[name=phone]").getAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.type("form.call-back input[name=phone]", "+44 20 7946 0958");
        browser.click("form.call-back button[type=submit]");
        browser.awaitText("ul.calls", "+44 20 7946 0958");
        JsonNode calls = world.call(acme.customer(), "GET", "/api/v1/portal/calls", null);
        assertThat(calls.path("items").get(0).path("ticket_id").asText())
                .isEqualTo(filed.path("id").asText());
        assertThat(calls.path("items").get(0).path("phone").asText()).isEqualTo("+44 20 7946 0958");

        browser.await("#nav-notifications .unread-count");
        browser.click("#nav-notifications");
        browser.awaitText("main h1", "Notifications");
        browser.awaitText("ul.notifications", "Support replied");
        assertThat(browser.accessibilityViolations()).as("notifications").isEmpty();
        browser.click("main .portal-bar > button");
        browser.awaitText("main .count", "Unread: 0");
        assertThat(world.call(acme.customer(), "GET", "/api/v1/portal/notifications?unread=true", null)
                        .path("unread_count")
                        .asInt())
                .isZero();
        browser.awaitScript("return document.querySelector('#nav-notifications .unread-count') === null");

        browser.open(world.url("/#/profile"));
        browser.awaitText("main h1", "Profile");
        browser.awaitText("main", acme.customer().email());
        assertThat(browser.driver()
                        .findElement(By.cssSelector("ul.stats a[href='#/tickets?status=resolved'] .stat-value"))
                        .getText())
                .isEqualTo("1");
        assertThat(browser.accessibilityViolations()).as("profile").isEmpty();

        browser.open(world.url("/#/tickets?status=open"));
        browser.awaitText("main", "No tickets match.");
        new Select(browser.await("select[name=status]")).selectByValue("resolved");
        browser.awaitText("table.list", "Printer shows error E42");
        assertThat(browser.script("return location.hash")).isEqualTo("#/tickets?status=resolved");
        assertThat(browser.accessibilityViolations()).as("my tickets, listed").isEmpty();
        browser.click("table.list a");
        browser.awaitText("main h1", "Printer shows error E42");
        assertThat(browser.policyViolations()).isEmpty();
    }

    @Test
    void the_portal_speaks_russian() {
        WebWorld.Tenant acme = world.tenant("russian");
        JsonNode ticket = world.call(
                acme.customer(),
                "POST",
                "/api/v1/portal/tickets",
                Map.of(
                        "subject", "Не печатает принтер",
                        "description", "Ошибка E42 после двух страниц.",
                        "category", "technical"));
        Browser browser = world.freshBrowser();
        browser.open(world.url("/"));
        browser.signIn(acme.slug(), acme.customer().email(), acme.customer().password());
        browser.awaitText("main h1", "My tickets");

        browser.script("localStorage.setItem('supportdesk.language', 'ru')");
        browser.driver().navigate().refresh();
        browser.awaitText("main h1", "Мои обращения");
        browser.awaitText("table.list", "Новый");
        browser.open(world.url("/#/tickets/" + ticket.path("id").asText()));
        browser.awaitText("main h2", "Переписка");
        browser.awaitText("form.reply", "Отправить ответ");
        assertThat(browser.accessibilityViolations()).as("ticket in Russian").isEmpty();
        browser.open(world.url("/#/new"));
        browser.awaitText("main h1", "Новое обращение");
        browser.open(world.url("/#/notifications"));
        browser.awaitText("main h1", "Уведомления");
        browser.open(world.url("/#/profile"));
        browser.awaitText("main h1", "Профиль");
        browser.awaitText("main", "Ваши обращения");
        assertThat(browser.policyViolations()).isEmpty();
    }
}
