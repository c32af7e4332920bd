package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.application.admin.AddOrganization;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Feedback, the stats, the CSV export and the audit log over HTTP against the whole server on a real PostgreSQL,
 * signed in through the real login. The stats are checked figure by figure against what this test computes itself
 * from the tickets it made, read back through the ticket list.
 */
@Timeout(300)
class ReportsApiTest {
    private static final String SECRET = "reports-api-secret-that-is-long-enough!!";
    private static LocalPostgres cluster;
    private static Supportdesk desk;
    private static TestHttp http;
    private static String customer;
    private static String colleague;
    private static String otherCustomer;
    private static String agent;
    private static String admin;
    private static Person agnes;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        cluster = LocalPostgres.startThrowaway();
        desk = Supportdesk.start(Config.from(
                Map.of(
                        Config.DB_URL, cluster.jdbcUrl(),
                        Config.DB_USER, cluster.user(),
                        Config.DB_PASSWORD, cluster.password(),
                        Config.HOST, "127.0.0.1",
                        Config.PORT, "0",
                        Config.JWT_SECRET, SECRET,
                        Config.DATA_DIR, dataDir.toString()),
                Optional.empty()));
        http = new TestHttp(desk.port());
        StaffActor boss = Onboarding.tenant(desk.useCases(), "acme", "boss@acme.example", "boss-password");
        Organization shared =
                desk.useCases().admin().addOrganization().handle(new AddOrganization.Command(boss, "Acme Corp", true));
        customer(boss, "carla", Optional.of(shared));
        customer(boss, "colin", Optional.of(shared));
        customer(boss, "oscar", Optional.empty());
        agnes = Onboarding.person(
                desk.useCases(), boss, "agnes@acme.example", "Agnes", Role.AGENT, Optional.of("agnes-password"));
        customer = signIn("carla");
        colleague = signIn("colin");
        otherCustomer = signIn("oscar");
        agent = signIn("agnes");
        admin = signIn("boss");
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void customer(StaffActor boss, String name, Optional<Organization> organization) {
        desk.useCases()
                .admin()
                .addPerson()
                .handle(new AddPerson.Command(
                        boss,
                        Email.of(name + "@acme.example"),
                        name,
                        Role.CUSTOMER,
                        organization.map(Organization::id),
                        Optional.of(new Password(name + "-password"))));
    }

    private static String signIn(String name) {
        TestHttp.Response login = http.post(
                null,
                "/api/v1/auth/login",
                "{\"tenant\":\"acme\",\"email\":\"" + name + "@acme.example\",\"password\":\"" + name + "-password\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("token").asText();
    }

    private static String file(String token, String subject, String priority) {
        TestHttp.Response filed = http.post(
                token,
                "/api/v1/portal/tickets",
                "{\"subject\":" + quoted(subject) + ",\"description\":\"Details\",\"category\":\"technical\","
                        + "\"priority\":\"" + priority + "\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    private static void reply(String id) {
        TestHttp.Response posted =
                http.post(agent, "/api/v1/tickets/" + id + "/messages", "{\"kind\":\"public\",\"body\":\"On it\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    }

    private static void status(String id, String status) {
        TestHttp.Response changed =
                http.send(agent, "PATCH", "/api/v1/tickets/" + id, "{\"status\":\"" + status + "\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    private static TestHttp.Response rate(String token, String id, int rating) {
        return http.post(token, "/api/v1/portal/tickets/" + id + "/feedback", "{\"rating\":" + rating + "}");
    }

    // ---- feedback ------------------------------------------------------------------------------------------------

    @Test
    void feedback_is_the_requesters_once_on_a_resolved_or_closed_ticket_and_shows_in_both_views() {
        String id = file(customer, "Rate me", "high");

        TestHttp.Response open = rate(customer, id, 5);
        status(id, "resolved");
        TestHttp.Response mate = rate(colleague, id, 1);
        TestHttp.Response stranger = rate(otherCustomer, id, 1);
        TestHttp.Response given = http.post(
                customer, "/api/v1/portal/tickets/" + id + "/feedback", "{\"rating\":4,\"comment\":\"Спасибо!\"}");
        TestHttp.Response second = rate(customer, id, 5);

        assertThat(open.status()).isEqualTo(409);
        assertThat(open.json().get("code").asText()).isEqualTo("CONFLICT");
        assertThat(mate.status()).isEqualTo(403);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("CONFLICT");
        JsonNode staffView = http.get(agent, "/api/v1/tickets/" + id).json();
        assertThat(staffView.get("feedback").get("rating").asInt()).isEqualTo(4);
        assertThat(staffView.get("feedback").get("comment").asText()).isEqualTo("Спасибо!");
        for (String reader : List.of(customer, colleague)) {
            JsonNode portalView =
                    http.get(reader, "/api/v1/portal/tickets/" + id).json();
            assertThat(portalView.get("feedback").get("rating").asInt()).isEqualTo(4);
        }
        JsonNode history = http.get(agent, "/api/v1/tickets/" + id + "/history?action=feedback_given")
                .json();
        assertThat(history.get("items"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("actor").get("role").asText()).isEqualTo("customer"));
    }

    // ---- stats -----------------------------------------------------------------------------------------------------

    @Test
    void every_figure_of_the_stats_equals_what_the_tickets_themselves_say() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(file(i % 2 == 0 ? customer : otherCustomer, "Stats ticket " + i, i % 3 == 0 ? "urgent" : "low"));
        }
        for (int i = 0; i < 5; i++) {
            reply(ids.get(i));
        }
        status(ids.get(0), "resolved");
        status(ids.get(1), "resolved");
        status(ids.get(1), "closed");
        status(ids.get(2), "on_hold");
        status(ids.get(5), "closed");
        assertThat(rate(customer, ids.get(0), 5).status()).isEqualTo(201);
        assertThat(rate(otherCustomer, ids.get(1), 2).status()).isEqualTo(201);
        assertThat(http.post(
                                agent,
                                "/api/v1/tickets/" + ids.get(3) + "/assign",
                                "{\"assignee_id\":\"" + agnes.id() + "\"}")
                        .status())
                .isEqualTo(200);

        for (String query : List.of("", "?priority=urgent", "?status=resolved,closed", "?assignee=none", "?q=stats")) {
            List<JsonNode> tickets = everyTicket(query);
            JsonNode stats = http.get(agent, "/api/v1/tickets/stats" + query).json();
            String as = "stats" + query;

            assertThat(stats.get("total").asLong()).as(as).isEqualTo(tickets.size());
            for (String status :
                    List.of("new", "in_progress", "waiting_on_customer", "on_hold", "resolved", "closed")) {
                assertThat(stats.get("by_status").get(status).asLong())
                        .as(as + " " + status)
                        .isEqualTo(tickets.stream()
                                .filter(t -> t.get("status").asText().equals(status))
                                .count());
            }
            assertThat(stats.get("unassigned").asLong())
                    .as(as)
                    .isEqualTo(tickets.stream()
                            .filter(t -> t.get("assignee_id").isNull())
                            .count());
            assertThat(stats.get("sla_breached").get("any").asLong())
                    .as(as)
                    .isEqualTo(tickets.stream()
                            .filter(t -> t.get("sla_breached").asBoolean())
                            .count());
            assertMinutes(stats.get("first_response_minutes"), minutesBetween(tickets, "first_responded_at"), as);
            assertMinutes(stats.get("resolution_minutes"), minutesBetween(tickets, "resolved_at"), as);
            long done = tickets.stream()
                    .filter(t -> List.of("resolved", "closed")
                            .contains(t.get("status").asText()))
                    .count();
            if (tickets.isEmpty()) {
                assertThat(stats.get("resolution_rate").isNull()).as(as).isTrue();
            } else {
                assertThat(stats.get("resolution_rate").decimalValue())
                        .as(as)
                        .isEqualByComparingTo(BigDecimal.valueOf(done)
                                .divide(BigDecimal.valueOf(tickets.size()), 4, RoundingMode.HALF_UP));
            }
            List<Integer> ratings = tickets.stream()
                    .filter(t -> !t.get("feedback").isNull())
                    .map(t -> t.get("feedback").get("rating").asInt())
                    .collect(Collectors.toList());
            assertThat(stats.get("csat").get("count").asLong()).as(as).isEqualTo(ratings.size());
            if (!ratings.isEmpty()) {
                assertThat(stats.get("csat").get("average").decimalValue())
                        .as(as)
                        .isEqualByComparingTo(BigDecimal.valueOf(ratings.stream()
                                        .mapToInt(Integer::intValue)
                                        .sum())
                                .divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_UP));
            }
            Map<String, Long> perDay = new TreeMap<>();
            tickets.forEach(t -> perDay.merge(
                    LocalDate.ofInstant(Instant.parse(t.get("created_at").asText()), ZoneOffset.UTC)
                            .toString(),
                    1L,
                    Long::sum));
            Map<String, Long> reported = new TreeMap<>();
            stats.get("per_day").forEach(d -> {
                if (d.get("count").asLong() > 0) {
                    reported.put(d.get("date").asText(), d.get("count").asLong());
                }
            });
            assertThat(reported).as(as).isEqualTo(perDay);
            assertThat(stats.get("per_day")).as(as).hasSize(31);
        }
    }

    /** Every ticket the list shows for {@code query}, created within the stats' default window (the last 30 days). */
    private static List<JsonNode> everyTicket(String query) {
        List<JsonNode> tickets = new ArrayList<>();
        String separator = query.isEmpty() ? "?" : query + "&";
        for (int page = 1; ; page++) {
            JsonNode listed = http.get(agent, "/api/v1/tickets" + separator + "limit=100&page=" + page)
                    .json();
            listed.get("items").forEach(tickets::add);
            if (page >= listed.get("pagination").get("total_pages").asLong()) {
                return tickets;
            }
        }
    }

    /** Microseconds from each ticket's creation to {@code field}, over the tickets that have it. */
    private static List<Long> minutesBetween(List<JsonNode> tickets, String field) {
        return tickets.stream()
                .filter(t -> !t.get(field).isNull())
                .map(t -> ChronoUnit.MICROS.between(
                        Instant.parse(t.get("created_at").asText()),
                        Instant.parse(t.get(field).asText())))
                .collect(Collectors.toList());
    }

    private static void assertMinutes(JsonNode figures, List<Long> micros, String as) {
        assertThat(figures.get("count").asLong()).as(as).isEqualTo(micros.size());
        if (micros.isEmpty()) {
            assertThat(figures.get("average").isNull()).as(as).isTrue();
            assertThat(figures.get("median").isNull()).as(as).isTrue();
            return;
        }
        List<Long> sorted = micros.stream().sorted(Comparator.naturalOrder()).collect(Collectors.toList());
        int n = sorted.size();
        long average = sorted.stream().mapToLong(Long::longValue).sum() / n;
        long median = (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
        assertThat(figures.get("average").decimalValue()).as(as).isEqualByComparingTo(minutes(average));
        assertThat(figures.get("median").decimalValue()).as(as).isEqualByComparingTo(minutes(median));
    }

    private static BigDecimal minutes(long micros) {
        return BigDecimal.valueOf(micros).divide(BigDecimal.valueOf(60_000_000), 2, RoundingMode.HALF_UP);
    }

    @Test
    void customers_may_not_read_the_stats() {
        assertThat(http.get(customer, "/api/v1/tickets/stats").status()).isEqualTo(403);
    }

    // ---- export ----------------------------------------------------------------------------------------------------

    @Test
    void the_export_neutralises_formulas_round_trips_text_and_is_for_admins_only() throws IOException {
        String subject = "=HYPERLINK(\"http://evil.example/?q=1,2\",\"Click me\")";
        String tricky = "Кофемашина, \"Jura\" — 日本語\tok";
        String formula = file(customer, subject, "low");
        String text = file(customer, tricky, "low");

        TestHttp.Response export = http.get(admin, "/api/v1/tickets/export.csv?q=" + "Jura");
        TestHttp.Response all = http.get(admin, "/api/v1/tickets/export.csv?sort=-created");
        TestHttp.Response byAgent = http.get(agent, "/api/v1/tickets/export.csv");
        TestHttp.Response byCustomer = http.get(customer, "/api/v1/tickets/export.csv");

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = parse(export.body());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("id")).isEqualTo(text);
            assertThat(r.get("subject")).isEqualTo(tricky);
        });
        List<CSVRecord> everything = parse(all.body());
        CSVRecord hyperlink = everything.stream()
                .filter(r -> r.get("id").equals(formula))
                .findFirst()
                .orElseThrow();
        assertThat(hyperlink.get("subject")).isEqualTo("'" + subject);
        assertThat(everything).hasSize((int) http.get(agent, "/api/v1/tickets?limit=1")
                .json()
                .get("pagination")
                .get("total")
                .asLong());
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byCustomer.status()).isEqualTo(403);
    }

    private static List<CSVRecord> parse(String body) throws IOException {
        assertThat(body).startsWith("\uFEFF");
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(body.substring(1)))
                .getRecords();
    }

    // ---- audit log -------------------------------------------------------------------------------------------------

    @Test
    void the_audit_log_pages_and_filters_and_only_admins_read_it() {
        String id = file(customer, "Audited", "medium");
        reply(id);
        status(id, "waiting_on_customer");
        status(id, "resolved");
        String number =
                http.get(agent, "/api/v1/tickets/" + id).json().get("number").asText();

        JsonNode about = http.get(admin, "/api/v1/audit-log?target=" + number + "&limit=2")
                .json();
        JsonNode aboutPage2 = http.get(admin, "/api/v1/audit-log?target=" + id + "&limit=2&page=2")
                .json();
        JsonNode statusChanges = http.get(admin, "/api/v1/audit-log?target=" + id + "&action=status_changed")
                .json();
        JsonNode byAgent = http.get(admin, "/api/v1/audit-log?actor=" + agnes.id() + "&target=" + id)
                .json();
        JsonNode future = http.get(
                        admin, "/api/v1/audit-log?from=" + Instant.now().plus(1, ChronoUnit.DAYS))
                .json();

        // The reply (and the move to in_progress it made), waiting, resolved: four staff entries; the filing is not.
        assertThat(about.get("pagination").get("total").asLong()).isEqualTo(4);
        assertThat(about.get("pagination").get("total_pages").asLong()).isEqualTo(2);
        assertThat(about.get("items").get(0).get("changes").toString()).contains("resolved");
        List<String> both = new ArrayList<>();
        about.get("items").forEach(e -> both.add(e.get("id").asText()));
        aboutPage2.get("items").forEach(e -> both.add(e.get("id").asText()));
        assertThat(both).hasSize(4).doesNotHaveDuplicates();
        assertThat(statusChanges.get("pagination").get("total").asLong()).isEqualTo(3);
        assertThat(byAgent.get("pagination").get("total").asLong()).isEqualTo(4);
        assertThat(byAgent.get("items").get(0).get("actor").get("name").asText())
                .isEqualTo("Agnes");
        assertThat(future.get("items")).isEmpty();
        assertThat(http.get(agent, "/api/v1/audit-log").status()).isEqualTo(403);
        assertThat(http.get(customer, "/api/v1/audit-log").status()).isEqualTo(403);
        assertThat(http.get(admin, "/api/v1/audit-log?action=" + "nonsense".toUpperCase(Locale.ROOT))
                        .status())
                .isEqualTo(400);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
    }
}
