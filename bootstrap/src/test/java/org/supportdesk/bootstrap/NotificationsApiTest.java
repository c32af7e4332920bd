package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * In-app notifications (§9, §10, §13) over HTTP against the whole server on a real PostgreSQL, signed in through the
 * real login, with a second tenant next door: a staff public reply and a status change reach the requester and an
 * internal note never does (nor does its text), a customer reply reaches the assignee or every agent when unassigned,
 * {@code unread} filters, pages page, {@code read} is idempotent, {@code read-all} answers how many it marked, and
 * someone else's, another tenant's and a missing notification are the same 404, byte for byte. Every response is
 * checked against docs/api/openapi.yaml by {@link TestHttp}.
 *
 * <p>Each test files its own tickets for customers of its own, so the customers' lists hold only what the test did;
 * staff lists are read for the test's tickets only.
 */
@Timeout(300)
class NotificationsApiTest {
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    private static ApiServer server;
    private static Supportdesk desk;
    private static TestHttp http;
    private static StaffActor boss;
    private static String agnes;
    private static String bert;
    private static String admin;
    private static String globexCustomer;
    private static Person bertPerson;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
        desk = server.desk;
        http = server.http;
        boss = Onboarding.tenant(desk.useCases(), "acme", "boss@acme.example", "boss-password");
        server.person(boss, "acme", "Agnes", Role.AGENT);
        bertPerson = server.person(boss, "acme", "Bert", Role.AGENT);
        StaffActor globexBoss =
                Onboarding.tenant(desk.useCases(), "globex", "boss@globex.example", "globex-boss-password");
        server.person(globexBoss, "globex", "Gina", Role.CUSTOMER);
        agnes = server.signIn("acme", "agnes@acme.example", "agnes-password");
        bert = server.signIn("acme", "bert@acme.example", "bert-password");
        admin = server.signIn("acme", "boss@acme.example", "boss-password");
        globexCustomer = server.signIn("globex", "gina@globex.example", "gina-password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A new customer of acme, signed in, whose notification list starts empty. */
    private static String newCustomer() {
        String name = "Customer" + CUSTOMERS.incrementAndGet();
        server.person(boss, "acme", name, Role.CUSTOMER);
        return server.signIn(
                "acme", name.toLowerCase(Locale.ROOT) + "@acme.example", name.toLowerCase(Locale.ROOT) + "-password");
    }

    /** Files a ticket as {@code customer}; answers its id and number. */
    private static JsonNode file(String customer, String subject) {
        TestHttp.Response filed = http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"" + subject + "\",\"description\":\"Details of " + subject
                        + "\",\"category\":\"technical\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json();
    }

    private static void staffPost(String token, String ticket, String kind, String body) {
        TestHttp.Response posted = http.post(
                token,
                "/api/v1/tickets/" + ticket + "/messages",
                "{\"kind\":\"" + kind + "\",\"body\":\"" + body + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    }

    private static void patch(String token, String ticket, String body) {
        TestHttp.Response patched = http.send(token, "PATCH", "/api/v1/tickets/" + ticket, body);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    private static void customerReply(String customer, String ticket, String body) {
        TestHttp.Response replied =
                http.post(customer, "/api/v1/portal/tickets/" + ticket + "/messages", "{\"body\":\"" + body + "\"}");
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);
    }

    private static TestHttp.Response list(String token, String path) {
        TestHttp.Response listed = http.get(token, path);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed;
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("items").forEach(item -> types.add(item.get("type").asText()));
        return types;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** The types of a staff member's notifications about {@code ticket}, newest first, read through every page. */
    private static List<String> staffTypesAbout(String token, String ticket) {
        List<String> types = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode listed =
                    list(token, "/api/v1/notifications?limit=100&page=" + page).json();
            listed.get("items").forEach(item -> {
                if (item.get("ticket_id").asText().equals(ticket)) {
                    types.add(item.get("type").asText());
                }
            });
            if (page >= listed.get("pagination").get("total_pages").asInt()) {
                return types;
            }
        }
    }

    @Test
    void a_staff_reply_and_a_status_change_reach_the_requester_and_an_internal_note_never_does() {
        String carla = newCustomer();
        JsonNode ticket = file(carla, "Printer on fire");
        String id = ticket.get("id").asText();
        String number = ticket.get("number").asText();
        patch(admin, id, "{\"status\":\"on_hold\"}");
        staffPost(agnes, id, "internal", "SECRET-NOTE: the customer is on our watch list");
        staffPost(agnes, id, "public", "We are on it");
        JsonNode afterNote = list(carla, "/api/v1/portal/notifications").json();
        assertThat(types(afterNote)).containsExactly("staff_replied", "status_changed");
        patch(agnes, id, "{\"status\":\"waiting_on_customer\"}");
        staffPost(agnes, id, "internal", "SECRET-NOTE: second note, still internal");

        TestHttp.Response listed = list(carla, "/api/v1/portal/notifications");
        JsonNode page = listed.json();
        assertThat(types(page)).containsExactly("status_changed", "staff_replied", "status_changed");
        assertThat(page.get("unread_count").asLong()).isEqualTo(3);
        assertThat(page.get("pagination").get("total").asLong()).isEqualTo(3);
        page.get("items").forEach(item -> {
            assertThat(item.get("ticket_id").asText()).isEqualTo(id);
            assertThat(item.get("ticket_number").asText()).isEqualTo(number);
            assertThat(item.get("title").asText()).isEqualTo("Printer on fire");
            assertThat(item.get("read_at").isNull()).isTrue();
            assertThat(item.has("call_id")).isFalse();
        });
        assertThat(listed.body()).doesNotContain("SECRET-NOTE").doesNotContain("internal_note");
        assertThat(list(carla, "/api/v1/portal/notifications?unread=true").body())
                .doesNotContain("SECRET-NOTE");
    }

    @Test
    void an_internal_note_tells_only_the_assignee_and_nobody_while_unassigned() {
        String carla = newCustomer();
        String id = file(carla, "Note routing").get("id").asText();
        staffPost(admin, id, "internal", "Unassigned note");
        assertThat(staffTypesAbout(agnes, id)).containsExactly("ticket_created");
        assertThat(staffTypesAbout(bert, id)).containsExactly("ticket_created");

        TestHttp.Response assigned =
                http.post(admin, "/api/v1/tickets/" + id + "/assign", "{\"assignee_id\":\"" + bertPerson.id() + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        staffPost(agnes, id, "internal", "Assigned note");

        assertThat(staffTypesAbout(bert, id)).containsExactly("internal_note_added", "ticket_created");
        assertThat(staffTypesAbout(agnes, id)).containsExactly("ticket_created");
        assertThat(staffTypesAbout(admin, id)).containsExactly("ticket_created");
        TestHttp.Response customerList = list(carla, "/api/v1/portal/notifications?limit=100");
        assertThat(types(customerList.json())).doesNotContain("internal_note_added");
        assertThat(customerList.body()).doesNotContain("Unassigned note").doesNotContain("Assigned note");
    }

    @Test
    void a_customer_reply_tells_the_assignee_or_every_agent_while_unassigned() {
        String carla = newCustomer();
        String unassigned = file(carla, "Nobody's yet").get("id").asText();
        customerReply(carla, unassigned, "Anyone there?");
        for (String staff : List.of(agnes, bert, admin)) {
            assertThat(staffTypesAbout(staff, unassigned)).containsExactly("customer_replied", "ticket_created");
        }

        String assigned = file(carla, "Bert's one").get("id").asText();
        TestHttp.Response assign = http.post(
                admin, "/api/v1/tickets/" + assigned + "/assign", "{\"assignee_id\":\"" + bertPerson.id() + "\"}");
        assertThat(assign.status()).as(assign.body()).isEqualTo(200);
        customerReply(carla, assigned, "Bert, are you there?");
        assertThat(staffTypesAbout(bert, assigned)).containsExactly("customer_replied", "ticket_created");
        assertThat(staffTypesAbout(agnes, assigned)).containsExactly("ticket_created");
        assertThat(staffTypesAbout(admin, assigned)).containsExactly("ticket_created");

        JsonNode bertsUnread =
                list(bert, "/api/v1/notifications?unread=true&limit=1").json();
        assertThat(bertsUnread.get("items").get(0).get("type").asText()).isEqualTo("customer_replied");
        assertThat(bertsUnread.get("items").get(0).get("ticket_id").asText()).isEqualTo(assigned);
        assertThat(bertsUnread.get("items").get(0).get("call_id").isNull()).isTrue();
        // The customer hears of neither reply of their own.
        assertThat(types(list(carla, "/api/v1/portal/notifications").json())).doesNotContain("customer_replied");
    }

    @Test
    void unread_filters_pages_page_read_keeps_its_first_read_at_and_read_all_answers_how_many_it_marked() {
        String carla = newCustomer();
        String id = file(carla, "Many replies").get("id").asText();
        patch(agnes, id, "{\"status\":\"on_hold\"}");
        for (int i = 1; i <= 4; i++) {
            staffPost(agnes, id, "public", "Reply " + i);
        }
        JsonNode all = list(carla, "/api/v1/portal/notifications?limit=100").json();
        List<String> everyId = ids(all);
        assertThat(types(all))
                .containsExactly("staff_replied", "staff_replied", "staff_replied", "staff_replied", "status_changed");
        assertThat(all.get("unread_count").asLong()).isEqualTo(5);

        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode one = list(carla, "/api/v1/portal/notifications?limit=2&page=" + page)
                    .json();
            assertThat(one.get("pagination").get("page").asInt()).isEqualTo(page);
            assertThat(one.get("pagination").get("limit").asInt()).isEqualTo(2);
            assertThat(one.get("pagination").get("total").asLong()).isEqualTo(5);
            assertThat(one.get("pagination").get("total_pages").asInt()).isEqualTo(3);
            assertThat(one.get("items").size()).isEqualTo(page < 3 ? 2 : 1);
            paged.addAll(ids(one));
        }
        assertThat(paged).isEqualTo(everyId);
        assertThat(list(carla, "/api/v1/portal/notifications?limit=2&page=4")
                        .json()
                        .get("items")
                        .size())
                .isZero();

        String second = everyId.get(1);
        TestHttp.Response read = http.post(carla, "/api/v1/portal/notifications/" + second + "/read", null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        String readAt = read.json().get("read_at").asText();
        assertThat(read.json().get("id").asText()).isEqualTo(second);
        TestHttp.Response again = http.post(carla, "/api/v1/portal/notifications/" + second + "/read", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("read_at").asText()).isEqualTo(readAt);
        assertThat(again.body()).isEqualTo(read.body());

        JsonNode unread = list(carla, "/api/v1/portal/notifications?unread=true&limit=100")
                .json();
        assertThat(ids(unread)).hasSize(4).doesNotContain(second);
        assertThat(unread.get("unread_count").asLong()).isEqualTo(4);
        assertThat(unread.get("pagination").get("total").asLong()).isEqualTo(4);
        JsonNode unfiltered = list(carla, "/api/v1/portal/notifications?unread=false&limit=100")
                .json();
        assertThat(ids(unfiltered)).isEqualTo(everyId);
        assertThat(unfiltered.get("unread_count").asLong()).isEqualTo(4);

        TestHttp.Response readAll = http.post(carla, "/api/v1/portal/notifications/read-all", null);
        assertThat(readAll.status()).as(readAll.body()).isEqualTo(200);
        assertThat(readAll.json().get("marked").asInt()).isEqualTo(4);
        assertThat(http.post(carla, "/api/v1/portal/notifications/read-all", null)
                        .json()
                        .get("marked")
                        .asInt())
                .isZero();
        JsonNode afterAll =
                list(carla, "/api/v1/portal/notifications?limit=100").json();
        assertThat(afterAll.get("unread_count").asLong()).isZero();
        afterAll.get("items")
                .forEach(item -> assertThat(item.get("read_at").isNull()).isFalse());
        assertThat(afterAll.get("items").get(1).get("read_at").asText()).isEqualTo(readAt);
        assertThat(list(carla, "/api/v1/portal/notifications?unread=true")
                        .json()
                        .get("items")
                        .size())
                .isZero();

        TestHttp.Response badFilter = http.get(carla, "/api/v1/portal/notifications?unread=maybe");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.get(carla, "/api/v1/portal/notifications?limit=0").status())
                .isEqualTo(400);
        assertThat(http.get(carla, "/api/v1/portal/notifications?limit=101").status())
                .isEqualTo(400);
    }

    @Test
    void staff_read_all_marks_every_unread_one_of_the_caller_only() {
        String carla = newCustomer();
        file(carla, "Staff read-all");
        long agnesUnread = list(agnes, "/api/v1/notifications?unread=true")
                .json()
                .get("unread_count")
                .asLong();
        long bertUnread =
                list(bert, "/api/v1/notifications").json().get("unread_count").asLong();
        assertThat(agnesUnread).isPositive();

        TestHttp.Response readAll = http.post(agnes, "/api/v1/notifications/read-all", null);
        assertThat(readAll.status()).as(readAll.body()).isEqualTo(200);
        assertThat(readAll.json().get("marked").asLong()).isEqualTo(agnesUnread);
        assertThat(list(agnes, "/api/v1/notifications")
                        .json()
                        .get("unread_count")
                        .asLong())
                .isZero();
        assertThat(list(bert, "/api/v1/notifications")
                        .json()
                        .get("unread_count")
                        .asLong())
                .isEqualTo(bertUnread);

        String bertsNewest =
                ids(list(bert, "/api/v1/notifications?limit=1").json()).get(0);
        TestHttp.Response read = http.post(bert, "/api/v1/notifications/" + bertsNewest + "/read", null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        TestHttp.Response again = http.post(bert, "/api/v1/notifications/" + bertsNewest + "/read", null);
        assertThat(again.body()).isEqualTo(read.body());
        assertThat(list(bert, "/api/v1/notifications")
                        .json()
                        .get("unread_count")
                        .asLong())
                .isEqualTo(bertUnread - 1);
    }

    @Test
    void someone_elses_another_tenants_and_a_missing_notification_are_the_same_404_byte_for_byte() {
        String carla = newCustomer();
        String oscar = newCustomer();
        String id = file(carla, "Mine alone").get("id").asText();
        staffPost(agnes, id, "public", "For Carla");
        String carlas = ids(list(carla, "/api/v1/portal/notifications").json()).get(0);
        String agnesOwn =
                ids(list(agnes, "/api/v1/notifications?limit=1").json()).get(0);

        TestHttp.Response missing =
                http.post(oscar, "/api/v1/portal/notifications/" + UUID.randomUUID() + "/read", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("NOT_FOUND");
        List<TestHttp.Response> refused = List.of(
                http.post(oscar, "/api/v1/portal/notifications/" + carlas + "/read", null),
                http.post(globexCustomer, "/api/v1/portal/notifications/" + carlas + "/read", null),
                http.post(oscar, "/api/v1/portal/notifications/not-an-id/read", null));
        for (TestHttp.Response answer : refused) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo(missing.body());
        }

        TestHttp.Response staffMissing = http.post(bert, "/api/v1/notifications/" + UUID.randomUUID() + "/read", null);
        assertThat(staffMissing.status()).isEqualTo(404);
        assertThat(staffMissing.body()).isEqualTo(missing.body());
        for (TestHttp.Response answer : List.of(
                http.post(bert, "/api/v1/notifications/" + agnesOwn + "/read", null),
                http.post(bert, "/api/v1/notifications/" + carlas + "/read", null))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo(missing.body());
        }

        // The first public reply on a new ticket also moved it to in_progress: two notifications, both still unread.
        JsonNode carlasList = list(carla, "/api/v1/portal/notifications").json();
        assertThat(types(carlasList)).containsExactlyInAnyOrder("staff_replied", "status_changed");
        assertThat(carlasList.get("unread_count").asLong()).isEqualTo(2);
        carlasList.get("items").forEach(item -> assertThat(item.get("read_at").isNull())
                .isTrue());
        JsonNode agnesNewest = list(agnes, "/api/v1/notifications?limit=1").json();
        assertThat(agnesNewest.get("items").get(0).get("id").asText()).isEqualTo(agnesOwn);
        assertThat(agnesNewest.get("items").get(0).get("read_at").isNull()).isTrue();
        assertThat(ids(list(oscar, "/api/v1/portal/notifications").json())).isEmpty();
        assertThat(ids(list(globexCustomer, "/api/v1/portal/notifications").json()))
                .isEmpty();
    }
}
