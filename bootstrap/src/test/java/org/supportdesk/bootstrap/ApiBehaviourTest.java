package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.application.admin.PeopleList;
import org.supportdesk.application.admin.UpdatePerson;
import org.supportdesk.domain.sla.OpeningInterval;
import org.supportdesk.domain.sla.WeeklyHours;
import org.supportdesk.domain.sla.WeeklyHoursCalendar;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * The behaviours the seed documents ask for, over HTTP against the whole server on a real PostgreSQL, signed in through
 * the real login: who sees what, validation, the lifecycle's implicit moves, assignment, NO_CHANGES, tags, soft delete,
 * lists, SLA under business hours, idempotent creation and optimistic concurrency under load.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBehaviourTest {
    ApiServer server;
    private Supportdesk desk;
    private TestHttp http;
    String customer;
    private String otherCustomer;
    String agent;
    private String admin;
    private Person agnes;
    private Person dora;

    @TempDir
    static Path dataDir;

    /** What the server serves from: a fresh cluster, straight; {@link ApiThroughPgBouncerTest} puts PgBouncer between. */
    ServedDatabase database() {
        return ServedDatabase.direct();
    }

    @BeforeAll
    void start() {
        server = ApiServer.start(database(), dataDir, Map.of());
        desk = server.desk;
        http = server.http;
        StaffActor boss = Onboarding.tenant(desk.useCases(), "acme", "boss@acme.example", "boss-password");
        person(boss, "Carla", Role.CUSTOMER);
        person(boss, "Oscar", Role.CUSTOMER);
        agnes = person(boss, "Agnes", Role.AGENT);
        dora = person(boss, "Dora", Role.AGENT);
        desk.useCases()
                .admin()
                .updatePerson()
                .handle(new UpdatePerson.Command(
                        boss, PeopleList.STAFF, dora.id(), Optional.empty(), Optional.empty(), Optional.of(false)));
        customer = signIn("carla@acme.example", "carla-password");
        otherCustomer = signIn("oscar@acme.example", "oscar-password");
        agent = signIn("agnes@acme.example", "agnes-password");
        admin = signIn("boss@acme.example", "boss-password");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Someone the admin adds as {@code <name>@acme.example}, who signs in with {@code <name>-password}. */
    private Person person(StaffActor admin, String name, Role role) {
        String login = name.toLowerCase(Locale.ROOT);
        return Onboarding.person(
                desk.useCases(), admin, login + "@acme.example", name, role, Optional.of(login + "-password"));
    }

    private String signIn(String email, String password) {
        TestHttp.Response login = http.post(
                null,
                "/api/v1/auth/login",
                "{\"tenant\":\"acme\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("token").asText();
    }

    String file(String token, String subject) {
        TestHttp.Response filed = http.post(
                token,
                "/api/v1/portal/tickets",
                "{\"subject\":\"" + subject + "\",\"description\":\"Details of " + subject
                        + "\",\"category\":\"technical\",\"priority\":\"high\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    private JsonNode staffView(String id) {
        TestHttp.Response read = http.get(agent, "/api/v1/tickets/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    private TestHttp.Response patch(String id, String body) {
        return http.send(agent, "PATCH", "/api/v1/tickets/" + id, body);
    }

    @Test
    void a_deactivated_agent_can_neither_sign_in_nor_be_assigned() {
        TestHttp.Response login = http.post(
                null,
                "/api/v1/auth/login",
                "{\"tenant\":\"acme\",\"email\":\"dora@acme.example\",\"password\":\"dora-password\"}");
        TestHttp.Response unknown = http.post(
                null,
                "/api/v1/auth/login",
                "{\"tenant\":\"acme\",\"email\":\"nobody@acme.example\",\"password\":\"whatever-it-is\"}");
        String id = file(customer, "Assign me");
        TestHttp.Response assign =
                http.post(agent, "/api/v1/tickets/" + id + "/assign", "{\"assignee_id\":\"" + dora.id() + "\"}");

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.body()).isEqualTo(unknown.body());
        assertThat(assign.status()).isEqualTo(400);
        assertThat(assign.json().get("errors").get(0).get("field").asText()).isEqualTo("assignee_id");
    }

    @Test
    void a_customer_lists_only_their_own_tickets() {
        String mine = file(customer, "Mine only");
        String theirs = file(otherCustomer, "Theirs only");

        List<String> listed =
                ids(http.get(customer, "/api/v1/portal/tickets?limit=100").json());

        assertThat(listed).contains(mine).doesNotContain(theirs);
        assertThat(http.get(customer, "/api/v1/portal/tickets/" + theirs).status())
                .isEqualTo(404);
    }

    @Test
    void filing_validates_subject_description_category_and_priority() {
        TestHttp.Response refused = http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"ab\",\"description\":\"   \",\"category\":\"astrology\",\"priority\":\"P9\"}");
        TestHttp.Response tooLong = http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"" + "x".repeat(256) + "\",\"description\":\"d\",\"category\":\"bug\"}");
        TestHttp.Response unknownCategory = http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"Fine subject\",\"description\":\"d\",\"category\":\"astrology\"}");

        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("subject", "description", "priority");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().get("errors").get(0).get("field").asText())
                .isEqualTo("category");
    }

    @Test
    void the_first_public_staff_reply_answers_and_starts_work_and_an_internal_note_does_not() {
        String id = file(customer, "Reply semantics");
        http.post(agent, "/api/v1/tickets/" + id + "/messages", "{\"kind\":\"internal\",\"body\":\"Looking\"}");
        JsonNode afterNote = staffView(id);
        http.post(agent, "/api/v1/tickets/" + id + "/messages", "{\"kind\":\"public\",\"body\":\"Fixed?\"}");
        JsonNode afterReply = staffView(id);

        assertThat(afterNote.get("status").asText()).isEqualTo("new");
        assertThat(afterNote.get("first_responded_at").isNull()).isTrue();
        assertThat(afterReply.get("status").asText()).isEqualTo("in_progress");
        assertThat(afterReply.get("first_responded_at").isNull()).isFalse();
    }

    @Test
    void assigning_sets_assigned_at_starts_work_and_leaves_an_internal_message_and_a_journal_entry() {
        String id = file(customer, "Assignment");

        TestHttp.Response assigned =
                http.post(agent, "/api/v1/tickets/" + id + "/assign", "{\"assignee_id\":\"" + agnes.id() + "\"}");
        JsonNode history = http.get(agent, "/api/v1/tickets/" + id + "/history?action=ticket_assigned")
                .json();
        JsonNode portal = http.get(customer, "/api/v1/portal/tickets/" + id).json();

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("assignee_id").asText())
                .isEqualTo(agnes.id().toString());
        assertThat(assigned.json().get("assigned_at").isNull()).isFalse();
        assertThat(assigned.json().get("status").asText()).isEqualTo("in_progress");
        assertThat(history.get("items")).hasSize(1);
        assertThat(assigned.json().get("messages").isNull())
                .as("a write answers without the conversation")
                .isTrue();
        assertThat(assigned.etag())
                .isEqualTo("\"" + assigned.json().get("version").asText() + "\"");
        List<String> staffMessages = new ArrayList<>();
        http.get(agent, "/api/v1/tickets/" + id)
                .json()
                .get("messages")
                .forEach(m -> staffMessages.add(
                        m.get("kind").asText() + ":" + m.get("customer_visible").asBoolean()));
        assertThat(staffMessages).contains("system:false");
        assertThat(portal.toString())
                .doesNotContain("Assigned to")
                .doesNotContain(agnes.id().toString());
    }

    @Test
    void closed_tickets_refuse_replies_from_customers_and_staff_alike() {
        String id = file(customer, "Close me");
        assertThat(http.post(customer, "/api/v1/portal/tickets/" + id + "/close", null)
                        .status())
                .isEqualTo(200);

        TestHttp.Response fromCustomer =
                http.post(customer, "/api/v1/portal/tickets/" + id + "/messages", "{\"body\":\"One more thing\"}");
        TestHttp.Response fromStaff =
                http.post(agent, "/api/v1/tickets/" + id + "/messages", "{\"kind\":\"public\",\"body\":\"Hello?\"}");
        TestHttp.Response reopen = patch(id, "{\"status\":\"in_progress\"}");

        assertThat(fromCustomer.status()).isEqualTo(409);
        assertThat(fromCustomer.json().get("code").asText()).isEqualTo("TICKET_CLOSED");
        assertThat(fromStaff.json().get("code").asText()).isEqualTo("TICKET_CLOSED");
        assertThat(reopen.json().get("code").asText()).isEqualTo("INVALID_TRANSITION");
        assertThat(reopen.json().get("allowed_targets")).isEmpty();
    }

    @Test
    void patch_with_nothing_different_is_no_changes_and_tags_are_found_or_created_then_replaced() {
        String id = file(customer, "Tagging");

        TestHttp.Response tagged = patch(id, "{\"tags\":[\"VIP\",\"billing\",\"vip\"]}");
        TestHttp.Response same = patch(id, "{\"tags\":[\"billing\",\"vip\"],\"priority\":\"high\"}");
        TestHttp.Response replaced = patch(id, "{\"tags\":[\"refund\"]}");
        List<String> taggedRefund =
                ids(http.get(agent, "/api/v1/tickets?tag=refund&limit=100").json());
        List<String> taggedVip =
                ids(http.get(agent, "/api/v1/tickets?tag=vip&limit=100").json());

        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(tagged.json().get("tags").toString()).isEqualTo("[\"billing\",\"vip\"]");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("code").asText()).isEqualTo("NO_CHANGES");
        assertThat(replaced.json().get("tags").toString()).isEqualTo("[\"refund\"]");
        assertThat(taggedRefund).contains(id);
        assertThat(taggedVip).doesNotContain(id);
    }

    @Test
    void soft_deleted_tickets_vanish_from_lists_and_reads_and_come_back_on_restore() {
        String id = file(customer, "Delete me");

        assertThat(http.send(admin, "DELETE", "/api/v1/tickets/" + id, null).status())
                .isEqualTo(204);
        assertThat(http.get(agent, "/api/v1/tickets/" + id).status()).isEqualTo(404);
        assertThat(http.get(customer, "/api/v1/portal/tickets/" + id).status()).isEqualTo(404);
        assertThat(ids(http.get(agent, "/api/v1/tickets?limit=100").json())).doesNotContain(id);
        assertThat(http.post(admin, "/api/v1/tickets/" + id + "/restore", null).status())
                .isEqualTo(200);
        assertThat(http.get(agent, "/api/v1/tickets/" + id).status()).isEqualTo(200);
        assertThat(ids(http.get(agent, "/api/v1/tickets?limit=100").json())).contains(id);
    }

    @Test
    void a_ticket_moves_to_a_category_the_tenant_added() {
        TestHttp.Response categories = http.send(
                admin,
                "PUT",
                "/api/v1/categories",
                "{\"categories\":[\"bug\",\"feature\",\"question\",\"billing\",\"technical\",\"other\",\"hardware\"]}");
        assertThat(categories.status()).as(categories.body()).isEqualTo(200);
        String id = file(customer, "Needs the new category");

        TestHttp.Response moved = patch(id, "{\"category\":\"hardware\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("category").asText()).isEqualTo("hardware");
        assertThat(patch(id, "{\"category\":\"astrology\"}").status()).isEqualTo(400);
    }

    @Test
    void the_requester_filter_takes_an_id_or_an_email_and_an_unknown_email_lists_nothing() {
        String marker = "rq" + UUID.randomUUID().toString().substring(0, 8);
        String carlas = file(customer, "Requester " + marker);
        file(otherCustomer, "Requester " + marker);
        String carlaId = staffView(carlas).get("requester").get("id").asText();

        JsonNode byEmail = http.get(agent, "/api/v1/tickets?q=" + marker + "&requester=carla@acme.example")
                .json();
        JsonNode byId = http.get(agent, "/api/v1/tickets?q=" + marker + "&requester=" + carlaId)
                .json();
        TestHttp.Response nobody = http.get(agent, "/api/v1/tickets?q=" + marker + "&requester=nobody@acme.example");

        assertThat(ids(byEmail)).containsExactly(carlas);
        assertThat(byEmail).isEqualTo(byId);
        assertThat(nobody.status()).as(nobody.body()).isEqualTo(200);
        assertThat(nobody.json().get("pagination").get("total").asInt()).isZero();
        assertThat(http.get(agent, "/api/v1/tickets?requester=carla").status()).isEqualTo(400);
    }

    @Test
    void an_internal_note_moves_neither_the_customers_updated_at_nor_their_etag() throws Exception {
        String id = file(customer, "A quiet note");
        TestHttp.Response before = http.get(customer, "/api/v1/portal/tickets/" + id);
        Thread.sleep(5); // the server's clock moves on before the note

        TestHttp.Response noted = http.post(
                agent, "/api/v1/tickets/" + id + "/messages", "{\"kind\":\"internal\",\"body\":\"VIP, be quick\"}");
        TestHttp.Response after = http.get(customer, "/api/v1/portal/tickets/" + id);

        assertThat(noted.status()).as(noted.body()).isEqualTo(201);
        assertThat(Instant.parse(staffView(id).get("updated_at").asText()))
                .isAfter(Instant.parse(before.json().get("updated_at").asText()));
        assertThat(after.json().get("updated_at")).isEqualTo(before.json().get("updated_at"));
        assertThat(after.etag()).isEqualTo(before.etag());
    }

    @Test
    void lists_paginate_with_exact_totals_filter_and_search() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 8);
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(file(customer, "Paging " + marker + " " + i));
        }
        patch(filed.get(0), "{\"status\":\"on_hold\",\"priority\":\"urgent\"}");
        http.post(agent, "/api/v1/tickets/" + filed.get(1) + "/escalate", "{\"reason\":\"VIP\"}");
        http.post(agent, "/api/v1/tickets/" + filed.get(2) + "/assign", "{\"assignee_id\":\"" + agnes.id() + "\"}");

        JsonNode page1 = http.get(agent, "/api/v1/tickets?q=" + marker + "&limit=2&page=1")
                .json();
        JsonNode page3 = http.get(agent, "/api/v1/tickets?q=" + marker + "&limit=2&page=3")
                .json();

        assertThat(page1.get("pagination").get("total").asInt()).isEqualTo(5);
        assertThat(page1.get("pagination").get("total_pages").asInt()).isEqualTo(3);
        assertThat(page3.get("items")).hasSize(1);
        assertThat(ids(http.get(agent, "/api/v1/tickets?status=on_hold&q=" + marker)
                        .json()))
                .containsExactly(filed.get(0));
        assertThat(ids(http.get(agent, "/api/v1/tickets?priority=P1&q=" + marker)
                        .json()))
                .containsExactly(filed.get(0));
        assertThat(ids(http.get(agent, "/api/v1/tickets?escalated=true&q=" + marker)
                        .json()))
                .containsExactly(filed.get(1));
        assertThat(ids(http.get(agent, "/api/v1/tickets?assignee=me&q=" + marker)
                        .json()))
                .containsExactly(filed.get(2));
        assertThat(ids(http.get(agent, "/api/v1/tickets?assignee=none&q=" + marker)
                        .json()))
                .hasSize(4);
        assertThat(http.get(agent, "/api/v1/tickets?limit=101").status()).isEqualTo(400);
        assertThat(http.get(agent, "/api/v1/tickets?page=0").status()).isEqualTo(400);
        assertThat(http.get(
                                agent,
                                "/api/v1/tickets?created_from=" + Instant.now().plus(Duration.ofDays(1)))
                        .json()
                        .get("pagination")
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void due_times_of_a_ticket_filed_under_berlin_business_hours_match_the_calendar() {
        TestHttp.Response hours = http.send(
                admin,
                "PUT",
                "/api/v1/business-hours",
                """
                {"time_zone":"Europe/Berlin","always_open":false,
                 "weekly_hours":{"monday":[{"from":"09:00","to":"17:00"}],"tuesday":[{"from":"09:00","to":"17:00"}],
                   "wednesday":[{"from":"09:00","to":"17:00"}],"thursday":[{"from":"09:00","to":"17:00"}],
                   "friday":[{"from":"09:00","to":"17:00"}]},
                 "holidays":["2026-12-25"]}""");
        assertThat(hours.status()).as(hours.body()).isEqualTo(200);

        JsonNode ticket = staffView(file(customer, "Berlin hours"));

        WeeklyHoursCalendar berlin = new WeeklyHoursCalendar(
                hours.json().get("version").asInt(),
                ZoneId.of("Europe/Berlin"),
                WeeklyHours.mondayToFriday(OpeningInterval.parse("09:00", "17:00")),
                Set.of(LocalDate.of(2026, 12, 25)));
        Instant created = Instant.parse(ticket.get("created_at").asText());
        // high: 240 / 1440 business minutes (the default policy)
        assertThat(Instant.parse(ticket.get("first_response_due_at").asText()))
                .isEqualTo(berlin.plusBusinessTime(created, Duration.ofMinutes(240)));
        assertThat(Instant.parse(ticket.get("resolution_due_at").asText()))
                .isEqualTo(berlin.plusBusinessTime(created, Duration.ofMinutes(1440)));
        DayOfWeek dueDay = Instant.parse(ticket.get("first_response_due_at").asText())
                .atZone(ZoneId.of("Europe/Berlin"))
                .getDayOfWeek();
        assertThat(dueDay).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        http.send(admin, "PUT", "/api/v1/business-hours", "{\"always_open\":true}");
    }

    @Test
    void eight_concurrent_posts_with_one_idempotency_key_create_one_ticket() throws Exception {
        String marker = "idem" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"subject\":\"Once " + marker + "\",\"description\":\"d\",\"category\":\"bug\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "key-" + marker);

        List<TestHttp.Response> answers =
                concurrently(8, () -> http.send(customer, "POST", "/api/v1/portal/tickets", body, key));
        TestHttp.Response otherBody =
                http.send(customer, "POST", "/api/v1/portal/tickets", body.replace("\"d\"", "\"other\""), key);
        TestHttp.Response otherCaller = http.send(otherCustomer, "POST", "/api/v1/portal/tickets", body, key);

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
        assertThat(answers.stream().map(TestHttp.Response::body).distinct()).hasSize(1);
        assertThat(http.get(agent, "/api/v1/tickets?q=" + marker)
                        .json()
                        .get("pagination")
                        .get("total")
                        .asInt())
                .isEqualTo(2);
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(otherCaller.status()).isEqualTo(201);
        assertThat(otherCaller.body()).isNotEqualTo(answers.get(0).body());
    }

    @Test
    void without_if_match_concurrent_replies_from_customer_and_agents_all_land() throws Exception {
        String id = file(customer, "Hot ticket");
        int[] n = {0};

        List<TestHttp.Response> answers = concurrently(16, () -> {
            int i;
            synchronized (n) {
                i = n[0]++;
            }
            return i % 2 == 0
                    ? http.post(
                            customer, "/api/v1/portal/tickets/" + id + "/messages", "{\"body\":\"Customer " + i + "\"}")
                    : http.post(
                            agent,
                            "/api/v1/tickets/" + id + "/messages",
                            "{\"kind\":\"" + (i % 4 == 1 ? "public" : "internal") + "\",\"body\":\"Agent " + i + "\"}");
        });

        assertThat(answers.stream().map(TestHttp.Response::status))
                .as(answers.toString())
                .containsOnly(201);
        JsonNode messages = staffView(id).get("messages");
        List<String> bodies = new ArrayList<>();
        messages.forEach(m -> bodies.add(m.get("body").asText()));
        for (int i = 0; i < 16; i++) {
            assertThat(bodies).contains((i % 2 == 0 ? "Customer " : "Agent ") + i);
        }
    }

    @Test
    void eight_patches_with_the_same_etag_let_exactly_one_through() throws Exception {
        String id = file(customer, "Raced");
        String etag = http.get(agent, "/api/v1/tickets/" + id).etag();
        int[] n = {0};
        List<String> priorities = List.of("low", "medium", "urgent", "low", "medium", "urgent", "low", "medium");

        List<TestHttp.Response> answers = concurrently(8, () -> {
            String priority;
            synchronized (n) {
                priority = priorities.get(n[0]++);
            }
            return http.send(
                    agent,
                    "PATCH",
                    "/api/v1/tickets/" + id,
                    "{\"priority\":\"" + priority + "\"}",
                    Map.of("If-Match", etag));
        });

        assertThat(answers.stream().map(TestHttp.Response::status))
                .as(answers.toString())
                .containsExactlyInAnyOrder(200, 412, 412, 412, 412, 412, 412, 412);
    }

    @Test
    void the_openapi_document_describes_exactly_the_routes_the_server_registers() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("..", "docs", "api", "openapi.yaml").toFile());
        Set<String> described = new TreeSet<>();
        spec.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                        described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        Set<String> registered = new TreeSet<>();
        desk.routes().forEach(route -> registered.add(route.method() + " " + route.path()));

        assertThat(described).containsExactlyInAnyOrderElementsOf(registered);
    }

    private List<TestHttp.Response> concurrently(int times, Callable<TestHttp.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<TestHttp.Response>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.call();
                }));
            }
            go.countDown();
            List<TestHttp.Response> answers = new ArrayList<>();
            for (Future<TestHttp.Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
