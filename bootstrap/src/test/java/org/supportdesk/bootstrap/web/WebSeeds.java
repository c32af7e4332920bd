package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.supportdesk.bootstrap.TestHttp;

/**
 * Data for the browser suites, put in through the real API as its users would: customers file and reply on the
 * portal, staff reply, note, assign, escalate and write articles, admins add people, organisations, tokens and
 * webhooks. Throttled answers (429, 503) are waited out and retried, so a big seed is slow rather than flaky. The
 * stored-XSS tenant is {@link XssSeeds}'; the leak and accessibility tenants are here.
 */
final class WebSeeds {
    static final String CATEGORY = "technical";
    static final String PASSWORD = "seeded-person-password";

    /** A public address literal: the webhook guard needs no DNS for it, and no seeded event is ever sent to it. */
    private static final String WEBHOOK_URL = "https://93.184.215.14/hooks/";

    private static final int TRIES = 8;

    private final WebWorld world;

    WebSeeds(WebWorld world) {
        this.world = world;
    }

    // ---- The leak tenant (S2 in the browser) ----

    /** Carla's ticket, and the public texts her pages must show. */
    record LeakTenant(
            WebWorld.Tenant tenant, String ticketId, String publicSubject, String publicReply, String publicArticle) {}

    /**
     * Carla's ticket with public content, and {@code marker} in everything of it she must not see: an internal note
     * and its file's name, tags, custom fields (key and value), the escalation reason, the assignee's name, the
     * call-back's outcome and assignee; and in what is not hers at all: another customer's ticket, a draft article, an
     * organisation she is not in, an API token and a webhook.
     */
    LeakTenant seedLeak(String marker) {
        WebWorld.Tenant tenant = world.tenant("leak");
        String admin = tenant.admin().token();
        String agent = tenant.agent().token();
        String customer = tenant.customer().token();
        String reply = "We are sending a technician this afternoon.";
        String article = "Clearing a printer paper jam";
        String subject = "Printer on floor 3 jams";

        String ticket = id(call(customer, "POST", "/api/v1/portal/tickets", filing(subject, "Tray 2 jams daily.")));
        String path = "/api/v1/tickets/" + ticket;
        call(agent, "POST", path + "/messages", Map.of("kind", "public", "body", reply));
        String noteFile = id(upload(agent, "/api/v1/attachments", "notes-" + marker + ".txt"));
        call(
                agent,
                "POST",
                path + "/messages",
                Map.of(
                        "kind",
                        "internal",
                        "body",
                        "On the legacy contract " + marker,
                        "attachment_ids",
                        List.of(noteFile)));
        String mira = id(
                call(admin, "POST", "/api/v1/agents", agent("Mira " + marker, "mira@" + tenant.slug() + ".example")));
        call(agent, "POST", path + "/assign", Map.of("assignee_id", mira));
        call(agent, "POST", path + "/escalate", Map.of("reason", "Escalated to " + marker));
        call(
                agent,
                "PATCH",
                path,
                Map.of("tags", List.of(marker), "custom_fields", Map.of("internal_ref", marker, marker, "yes")));
        String callBack = id(call(
                customer,
                "POST",
                "/api/v1/portal/calls",
                Map.of("ticket_id", ticket, "note", "Please call before noon", "phone", "+44 20 7946 0001")));
        call(agent, "PATCH", "/api/v1/calls/" + callBack, Map.of("assignee_id", mira, "outcome", "Told " + marker));

        call(agent, "POST", "/api/v1/kb/articles", article(article, "Open the side door and pull the paper out."));
        call(
                agent,
                "POST",
                "/api/v1/kb/articles",
                Map.of("title", "Printer internals " + marker, "body", "The printer's " + marker, "status", "draft"));
        WebWorld.Account dora = newCustomer(tenant, "Dora Other", "dora", null);
        call(dora.token(), "POST", "/api/v1/portal/tickets", filing("Printer " + marker, "Not Carla's " + marker));
        call(admin, "POST", "/api/v1/organizations", Map.of("name", "Org " + marker));
        call(admin, "POST", "/api/v1/api-tokens", Map.of("name", "Token " + marker, "role", "agent"));
        call(admin, "POST", "/api/v1/webhooks", webhook("leak", "Hook " + marker));
        return new LeakTenant(tenant, ticket, subject, reply, article);
    }

    // ---- A realistic tenant (accessibility) ----

    /** A tenant as a support team's first week leaves it: its first ticket and article have a bit of everything. */
    record RealisticTenant(WebWorld.Tenant tenant, String ticketId, String articleId) {}

    RealisticTenant seedRealistic() {
        WebWorld.Tenant tenant = world.tenant("a11y");
        String admin = tenant.admin().token();
        String agent = tenant.agent().token();
        String customer = tenant.customer().token();
        String organization = id(call(admin, "POST", "/api/v1/organizations", Map.of("name", "Northwind Traders")));
        newCustomer(tenant, "Oskar Olsen", "oskar", organization);
        String ticket = null;
        for (String[] filed : new String[][] {
            {"Printer on floor 3 jams", "Paper jams in tray 2 every morning.", "high"},
            {"VPN drops every hour", "Since the update the VPN disconnects hourly.", "urgent"},
            {"Invoice 1042 is wrong", "We were billed twice for March.", "medium"},
        }) {
            Map<String, Object> filing = new LinkedHashMap<>(filing(filed[0], filed[1]));
            filing.put("priority", filed[2]);
            filing.put("attachment_ids", List.of(id(upload(customer, "/api/v1/portal/attachments", "error-log.txt"))));
            String id = id(call(customer, "POST", "/api/v1/portal/tickets", filing));
            ticket = ticket == null ? id : ticket;
        }
        String path = "/api/v1/tickets/" + ticket;
        call(agent, "POST", path + "/messages", Map.of("kind", "public", "body", "A technician comes at two."));
        call(agent, "POST", path + "/messages", Map.of("kind", "internal", "body", "Tray 2 roller is worn."));
        call(customer, "POST", "/api/v1/portal/tickets/" + ticket + "/messages", Map.of("body", "Thank you!"));
        call(agent, "PATCH", path, Map.of("tags", List.of("hardware", "floor-3")));
        call(
                customer,
                "POST",
                "/api/v1/portal/calls",
                Map.of("ticket_id", ticket, "note", "Please call before noon", "phone", "+44 20 7946 0002"));
        String article = id(call(
                agent,
                "POST",
                "/api/v1/kb/articles",
                article(
                        "Clearing a printer paper jam",
                        "Open the side door, pull the paper out gently, close the door.")));
        call(admin, "POST", "/api/v1/api-tokens", Map.of("name", "CRM integration", "role", "agent"));
        call(admin, "POST", "/api/v1/webhooks", webhook("a11y", "Alerts to on-call"));
        return new RealisticTenant(tenant, ticket, article);
    }

    // ---- Bodies ----

    static Map<String, Object> filing(String subject, String description) {
        return Map.of("subject", subject, "description", description, "category", CATEGORY);
    }

    static Map<String, Object> article(String title, String body) {
        return Map.of("title", title, "body", body, "status", "published");
    }

    /** A subscription to an event no seed causes (an SLA breach), so nothing is ever sent. */
    static Map<String, Object> webhook(String name, String description) {
        return Map.of("url", WEBHOOK_URL + name, "events", List.of("sla_breached"), "description", description);
    }

    /** A new agent, who signs in with {@link #PASSWORD}. */
    static Map<String, Object> agent(String name, String email) {
        return Map.of("name", name, "email", email, "role", "agent", "password", PASSWORD);
    }

    static String id(JsonNode answer) {
        return answer.get("id").asText();
    }

    // ---- People ----

    /** A customer the admin adds, with a password to sign in to the portal with ({@code local}@tenant.example). */
    WebWorld.Account newCustomer(WebWorld.Tenant tenant, String name, String local, String organization) {
        String email = local + "@" + tenant.slug() + ".example";
        Map<String, Object> person = new LinkedHashMap<>(Map.of("name", name, "email", email, "password", PASSWORD));
        if (organization != null) {
            person.put("organization_id", organization);
        }
        call(tenant.admin().token(), "POST", "/api/v1/customers", person);
        return signedIn(tenant, email);
    }

    /** A staff member an admin added with {@link #PASSWORD} as {@code local}@tenant.example, signed in to the API. */
    WebWorld.Account staffAccount(WebWorld.Tenant tenant, String local) {
        return signedIn(tenant, local + "@" + tenant.slug() + ".example");
    }

    /** Renames a staff member (an admin renaming themselves, say). */
    void renameStaff(WebWorld.Account who, String name) {
        for (JsonNode person :
                call(who.token(), "GET", "/api/v1/agents?limit=100", null).get("items")) {
            if (person.get("email").asText().equals(who.email())) {
                call(who.token(), "PATCH", "/api/v1/agents/" + id(person), Map.of("name", name));
                return;
            }
        }
        throw new AssertionError("no staff member " + who.email());
    }

    private WebWorld.Account signedIn(WebWorld.Tenant tenant, String email) {
        JsonNode session = call(
                null,
                "POST",
                "/api/v1/auth/login",
                Map.of("tenant", tenant.slug(), "email", email, "password", PASSWORD));
        return new WebWorld.Account(
                tenant.slug(), email, PASSWORD, session.get("token").asText());
    }

    // ---- Calls ----

    /** A call that must succeed; its JSON answer (null for none). */
    JsonNode call(String token, String method, String path, Object body) {
        TestHttp.Response answer = attempt(token, method, path, body);
        assertThat(answer.status())
                .as(method + " " + path + ": " + answer.body())
                .isBetween(200, 299);
        return answer.body().isEmpty() ? null : answer.json();
    }

    /** A call whatever it answers, throttling waited out. */
    TestHttp.Response attempt(String token, String method, String path, Object body) {
        return retried(() -> world.http.send(token, method, path, body == null ? null : WebWorld.json(body)));
    }

    /** Uploads a small text file named {@code name}; the upload as the API answered it (with its stored name). */
    JsonNode upload(String token, String path, String name) {
        byte[] content = "A note to go with it.\n".getBytes(StandardCharsets.UTF_8);
        TestHttp.Response answer = retried(() -> world.http.upload(token, path, name, "text/plain", content));
        assertThat(answer.status()).as("upload " + name + ": " + answer.body()).isEqualTo(201);
        return answer.json();
    }

    private static TestHttp.Response retried(Supplier<TestHttp.Response> request) {
        for (int attempt = 1; ; attempt++) {
            TestHttp.Response answer = request.get();
            boolean throttled = answer.status() == 429 || answer.status() == 503;
            if (!throttled || attempt == TRIES) {
                return answer;
            }
            long seconds = answer.header("Retry-After").map(Long::parseLong).orElse(1L);
            try {
                Thread.sleep(Math.min(seconds, 10) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
