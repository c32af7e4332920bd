package org.supportdesk.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.supportdesk.bootstrap.TestHttp;

/**
 * The stored-XSS tenant (RELIABILITY S5): each payload of {@code web/xss-payloads.txt} put through the real API into
 * every user-controlled text the API takes: subject, description, public replies from customer and staff, internal
 * notes, attachment file names (filed, on a reply, on a note), person names (customers, agents and assignees, the
 * admin, the portal customer), customers' email addresses where the payload can be one, organisation names, custom
 * fields (key and value), escalation reasons, page URL and browser info, call-back notes and outcomes, feedback
 * comments, close reasons, article titles and bodies, webhook descriptions and API token names (the tokens then write
 * the staff's replies, so their names are the authors'). Tags and categories are tried too; the API keeps them only
 * if they are slugs, which no payload is.
 *
 * <p>Each payload has a ticket of its own. The portal customer files every other one; the desk files the rest for a
 * customer of her organisation, which shares its tickets, so her portal shows them all.
 */
final class XssSeeds {
    private static final String PAYLOADS = "/web/xss-payloads.txt";
    private static final int THREADS = 3;

    /** A payload's ticket, and the names its public files were stored under (the API sanitises file names). */
    record PayloadTicket(String payload, String id, List<String> publicFileNames) {}

    /**
     * The seeded tenant: {@code customer} signs in to the portal, {@code agents} (two, to share the console's pages
     * between their rate limits) and {@code admin} to the console. {@code stored} counts per field the payloads the API
     * kept; {@code refused} lists per field those it refused.
     */
    record XssTenant(
            WebWorld.Account customer,
            List<WebWorld.Account> agents,
            WebWorld.Account admin,
            List<PayloadTicket> tickets,
            List<String> articleIds,
            Map<String, Integer> stored,
            Map<String, List<String>> refused) {}

    private final WebSeeds api;
    private final List<String> payloads;
    private final WebWorld.Tenant tenant;
    private final Map<String, Integer> stored = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<String>> refused = Collections.synchronizedMap(new LinkedHashMap<>());

    private XssSeeds(WebWorld world, List<String> payloads) {
        this.api = new WebSeeds(world);
        this.payloads = payloads;
        this.tenant = world.tenant("xss");
    }

    /** The catalogue: one payload a line; comments ("# ") and blank lines left out. */
    static List<String> payloads() {
        try (InputStream in = XssSeeds.class.getResourceAsStream(PAYLOADS)) {
            assertThat(in).as(PAYLOADS).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("# "))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new tenant holding every payload in every field. */
    static XssTenant seed(WebWorld world, List<String> payloads) {
        return new XssSeeds(world, payloads).seed();
    }

    private XssTenant seed() {
        int n = payloads.size();
        String admin = tenant.admin().token();
        String[] organizations = new String[n];
        inParallel(
                n,
                i -> organizations[i] = WebSeeds.id(api.call(
                        admin,
                        "POST",
                        "/api/v1/organizations",
                        Map.of("name", payloads.get(i), "shared_tickets", i == 0))));
        stored("organization name", n);
        WebWorld.Account customer = api.newCustomer(tenant, payloads.get(0), "paula", organizations[0]);
        stored("person name (portal customer)", 1);
        api.renameStaff(tenant.admin(), payloads.get(1));
        stored("person name (admin)", 1);

        Staff[] staff = new Staff[n];
        Set<String> emails = Collections.synchronizedSet(new HashSet<>());
        inParallel(n, i -> staff[i] = addPeople(i, organizations[0], emails));
        tryCategories();

        PayloadTicket[] tickets = new PayloadTicket[n];
        String[] articles = new String[n];
        inParallel(n, i -> {
            tickets[i] = ticket(i, customer.token(), staff[i]);
            articles[i] = WebSeeds.id(api.call(
                    staff[i].token(),
                    "POST",
                    "/api/v1/kb/articles",
                    Map.of("title", payloads.get(i), "body", payloads.get(i) + "\n\nprinter", "status", "published")));
            stored("article title and body", 1);
        });
        List<WebWorld.Account> agents =
                List.of(api.staffAccount(tenant, "agent-0"), api.staffAccount(tenant, "agent-1"));
        return new XssTenant(
                customer,
                agents,
                tenant.admin(),
                List.of(tickets),
                List.of(articles),
                new LinkedHashMap<>(stored),
                new LinkedHashMap<>(refused));
    }

    /** A payload's customer (requester of the desk's ticket), its agent (assignee) and its token (who works it). */
    private record Staff(String customer, String agent, String token) {}

    private Staff addPeople(int i, String organization, Set<String> emails) {
        String admin = tenant.admin().token();
        String payload = payloads.get(i);
        String email = emailShaped(payload, emails).orElse("customer-" + i + "@" + tenant.slug() + ".example");
        String customer = WebSeeds.id(api.call(
                admin,
                "POST",
                "/api/v1/customers",
                Map.of("name", payload, "email", email, "organization_id", organization)));
        String agent = WebSeeds.id(api.call(
                admin,
                "POST",
                "/api/v1/agents",
                WebSeeds.agent(payload, "agent-" + i + "@" + tenant.slug() + ".example")));
        String token = api.call(admin, "POST", "/api/v1/api-tokens", Map.of("name", payload, "role", "agent"))
                .get("token")
                .asText();
        api.call(admin, "POST", "/api/v1/webhooks", WebSeeds.webhook(String.valueOf(i), payload));
        stored("person name (customer)", 1);
        stored("person name (agent, assignee)", 1);
        stored("api token name (author of staff messages)", 1);
        stored("webhook description", 1);
        return new Staff(customer, agent, token);
    }

    /** The payload lower-cased (addresses are) as an address's local part, where it can be one. */
    private Optional<String> emailShaped(String payload, Set<String> taken) {
        String address = payload.toLowerCase(Locale.ROOT) + "@xss.example";
        boolean shaped =
                payload.length() <= 64 && payload.chars().noneMatch(c -> c == '@' || Character.isWhitespace(c));
        if (shaped && taken.add(address)) {
            stored("customer email address", 1);
            return Optional.of(address);
        }
        return Optional.empty();
    }

    private PayloadTicket ticket(int i, String customer, Staff staff) {
        String payload = payloads.get(i);
        String id = i % 2 == 0 ? fileOnPortal(customer, payload) : fileAtDesk(staff, payload);
        List<String> publicFiles = new ArrayList<>();
        api.call(staff.token(), "GET", "/api/v1/tickets/" + id, null)
                .get("attachments")
                .forEach(file -> publicFiles.add(file.get("filename").asText()));
        if (i % 2 == 0) {
            api.call(customer, "POST", "/api/v1/portal/tickets/" + id + "/messages", Map.of("body", payload));
            stored("public reply (customer)", 1);
        }
        publicFiles.add(work(id, staff, payload));
        String call = WebSeeds.id(api.call(
                customer,
                "POST",
                "/api/v1/portal/calls",
                Map.of("ticket_id", id, "note", payload, "phone", "+44 20 7946 0000")));
        api.call(
                staff.token(),
                "PATCH",
                "/api/v1/calls/" + call,
                Map.of("assignee_id", staff.agent(), "outcome", payload));
        stored("call-back note", 1);
        stored("call-back outcome", 1);
        if (i % 4 == 0) {
            resolveRateAndClose(id, customer, staff.token(), payload);
        }
        return new PayloadTicket(payload, id, publicFiles);
    }

    private String fileOnPortal(String customer, String payload) {
        Map<String, Object> filing = new LinkedHashMap<>(WebSeeds.filing(payload, payload));
        filing.put("page_url", "https://shop.example/search?q=" + payload);
        filing.put("browser_info", payload);
        filing.put("attachment_ids", List.of(upload(customer, "/api/v1/portal/attachments", payload)));
        stored("subject and description", 1);
        stored("page url and browser info", 1);
        return WebSeeds.id(api.call(customer, "POST", "/api/v1/portal/tickets", filing));
    }

    private String fileAtDesk(Staff staff, String payload) {
        Map<String, Object> filing = new LinkedHashMap<>(WebSeeds.filing(payload, payload));
        filing.put("requester_id", staff.customer());
        filing.put("attachment_ids", List.of(upload(staff.token(), "/api/v1/attachments", payload)));
        stored("subject and description", 1);
        return WebSeeds.id(api.call(staff.token(), "POST", "/api/v1/tickets", filing));
    }

    /** Staff's work on a payload ticket; answers the stored name of the public reply's file. */
    private String work(String ticket, Staff staff, String payload) {
        String path = "/api/v1/tickets/" + ticket;
        String token = staff.token();
        String replyFile = upload(token, "/api/v1/attachments", payload);
        String replyFileName = api.call(
                        token,
                        "POST",
                        path + "/messages",
                        Map.of("kind", "public", "body", payload, "attachment_ids", List.of(replyFile)))
                .get("attachments")
                .get(0)
                .get("filename")
                .asText();
        String noteFile = upload(token, "/api/v1/attachments", payload);
        api.call(
                token,
                "POST",
                path + "/messages",
                Map.of("kind", "internal", "body", payload, "attachment_ids", List.of(noteFile)));
        api.call(token, "POST", path + "/assign", Map.of("assignee_id", staff.agent()));
        api.call(token, "POST", path + "/escalate", Map.of("reason", payload));
        api.call(token, "PATCH", path, Map.of("custom_fields", Map.of(payload, payload, "order_note", payload)));
        stored("public reply (staff)", 1);
        stored("internal note", 1);
        stored("escalation reason", 1);
        stored("custom field key and value", 1);
        outcome("tag", payload, api.attempt(token, "PATCH", path, Map.of("tags", List.of(payload))));
        return replyFileName;
    }

    private void resolveRateAndClose(String ticket, String customer, String staff, String payload) {
        String portal = "/api/v1/portal/tickets/" + ticket;
        api.call(staff, "PATCH", "/api/v1/tickets/" + ticket, Map.of("status", "resolved"));
        api.call(customer, "POST", portal + "/feedback", Map.of("rating", 4, "comment", payload));
        api.call(customer, "POST", portal + "/close", Map.of("reason", payload));
        stored("feedback comment", 1);
        stored("close reason", 1);
    }

    /** Tries each payload as a category, keeping whatever the API accepts. */
    private void tryCategories() {
        String admin = tenant.admin().token();
        List<String> categories = new ArrayList<>();
        api.call(admin, "GET", "/api/v1/categories", null).get("categories").forEach(c -> categories.add(c.asText()));
        for (String payload : payloads) {
            List<String> wanted = new ArrayList<>(categories);
            wanted.add(payload);
            if (outcome(
                    "category",
                    payload,
                    api.attempt(admin, "PUT", "/api/v1/categories", Map.of("categories", wanted)))) {
                categories.add(payload);
            }
        }
    }

    /** Uploads a small text file named {@code name}, counting whether the name was kept or sanitised. */
    private String upload(String token, String path, String name) {
        JsonNode file = api.upload(token, path, name);
        stored(
                file.get("filename").asText().equals(name)
                        ? "attachment file name (kept)"
                        : "attachment file name (sanitised)",
                1);
        return WebSeeds.id(file);
    }

    private void stored(String field, int count) {
        stored.merge(field, count, Integer::sum);
    }

    /** An attempt's outcome: stored on 2xx, refused on a 400; anything else fails. */
    private boolean outcome(String field, String payload, TestHttp.Response answer) {
        if (answer.status() / 100 == 2) {
            stored(field, 1);
            return true;
        }
        assertThat(answer.status())
                .as(field + " " + payload + ": " + answer.body())
                .isEqualTo(400);
        refused.computeIfAbsent(field, f -> Collections.synchronizedList(new ArrayList<>()))
                .add(payload);
        return false;
    }

    /** Runs {@code work} for 0..n-1 on a few threads (the server's cores are shared), failing with the first failure. */
    private static void inParallel(int n, IntConsumer work) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = IntStream.range(0, n)
                    .<Future<?>>mapToObj(i -> pool.submit(() -> work.accept(i)))
                    .toList();
            for (Future<?> each : running) {
                each.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
