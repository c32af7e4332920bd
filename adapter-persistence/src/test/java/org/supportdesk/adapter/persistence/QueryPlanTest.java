package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supportdesk.domain.port.ListCursor;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * With 200,000 tickets in one tenant, the list's first pages, its selective filters and the SLA breach scan read
 * indexes, not the whole tickets table. Each EXPLAIN runs as the application role in a transaction bound to the tenant,
 * so the plans are the ones row-level security allows.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {
    private static final TenantId TENANT = new TenantId(UUID.fromString("0a0a0a0a-0000-4000-8000-000000000001"));
    private static final PageRequest FIRST_PAGE = PageRequest.ofTickets(1, 20);

    private final TestDatabase database;

    QueryPlanTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void two_hundred_thousand_tickets() throws IOException {
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-01T00:00:00Z"));
        database.createTenant(TENANT, "plans", clock);
        String script;
        try (InputStream in = QueryPlanTest.class.getResourceAsStream("/query-plan-data.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        database.transactions().inTransaction(TENANT, () -> {
            database.bulk(handle -> {
                for (String statement : script.split(";\\s*\\n")) {
                    if (!statement.isBlank()) {
                        handle.createUpdate(statement)
                                .bind("tenant", TENANT.value())
                                .execute();
                    }
                }
            });
            return null;
        });
        // VACUUM too, so the visibility map lets the narrow sort indexes answer index-only.
        database.bulk(
                handle -> handle.execute("VACUUM ANALYZE organizations, users, tickets, tags, ticket_tags, messages"));
        long tickets = database.transactions().inTransaction(TENANT, () -> database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets")
                        .mapTo(Long.class)
                        .one()));
        assertThat(tickets).isEqualTo(200_000);
    }

    // ---- the first page of each sort -----------------------------------------------------------------------------

    @ParameterizedTest(name = "sort {0}")
    @CsvSource({
        "-created, tickets_by_created",
        "created, tickets_by_created",
        "-updated, tickets_by_updated",
        "updated, tickets_by_updated",
        "-priority, tickets_by_priority",
        "priority, tickets_by_priority",
        "due, tickets_by_due",
        "-due, tickets_by_due_desc"
    })
    void theFirstPageOfEachSortIsAnIndexScanUnderALimit(String sort, String index) {
        String plan = explainList(TicketFilter.ALL, TicketSort.parse(sort));

        assertThat(pagePart(plan)).containsPattern("Limit[\\s\\S]*Index (Only )?Scan (Backward )?using " + index + " ");
        assertThat(pagePart(plan)).doesNotContain("Sort Key", "Seq Scan");
    }

    /**
     * A page after a cursor, however deep, is a range read of the same index from the cursor's row on, under the
     * page's limit: no rows skipped, no sort of the matches (keyset pagination, §16).
     */
    @ParameterizedTest(name = "sort {0}")
    @CsvSource({
        "-created, tickets_by_created, 1769904000000000",
        "created, tickets_by_created, 1769904000000000",
        "-updated, tickets_by_updated, 1769904000000000",
        "updated, tickets_by_updated, 1769904000000000",
        "-priority, tickets_by_priority, 2",
        "priority, tickets_by_priority, 2"
    })
    void aPageAfterACursorIsARangeOfTheSortIndexUnderALimit(String sort, String index, String value) {
        String plan = explainList(TicketFilter.ALL, TicketSort.parse(sort), afterCursor(sort, List.of(value)));

        assertThat(pagePart(plan)).containsPattern("Limit[\\s\\S]*Index (Only )?Scan (Backward )?using " + index + " ");
        assertThat(pagePart(plan)).contains("Index Cond: ").doesNotContain("Sort Key", "Seq Scan");
    }

    @ParameterizedTest(name = "sort {0}")
    @CsvSource({"due, tickets_by_due", "-due, tickets_by_due_desc"})
    void aPageAfterADueCursorReadsTheLaterDueTimesThenTheTicketsWithoutOne(String sort, String index) {
        String plan =
                explainList(TicketFilter.ALL, TicketSort.parse(sort), afterCursor(sort, List.of("1769904000000000")));

        assertThat(pagePart(plan))
                .containsPattern("Index (Only )?Scan (Backward )?using " + index + " [\\s\\S]*"
                        + "Index (Only )?Scan (Backward )?using " + index + " ");
        assertThat(pagePart(plan)).doesNotContain("Seq Scan");
    }

    private static PageRequest afterCursor(String sort, List<String> values) {
        return PageRequest.ofTickets(
                new ListCursor(5_000, sort, values, UUID.fromString("0a0a0a0a-0000-4000-8000-0000000fffff")), 20);
    }

    // ---- selective filters ---------------------------------------------------------------------------------------

    @Test
    void filter_by_assignee() {
        assertUsesIndex(
                filter().assignee(TicketFilter.AssigneeFilter.of(user(10_007))).build(), "tickets_by_assignee");
    }

    /** The agent's own open queue by due time reads its rows in that order, and stops after the page. */
    @Test
    void my_open_queue_by_due_time_reads_the_assignee_due_index() {
        String plan = explainList(
                filter().assignee(TicketFilter.AssigneeFilter.of(user(10_007)))
                        .statuses(
                                TicketStatus.NEW,
                                TicketStatus.IN_PROGRESS,
                                TicketStatus.WAITING_ON_CUSTOMER,
                                TicketStatus.ON_HOLD)
                        .build(),
                new TicketSort(TicketSort.Key.DUE, false));

        assertThat(plan).contains("tickets_assignee_by_due").doesNotContain("Seq Scan on tickets");
        assertThat(plan)
                .as("the exact total counts the agent's open tickets from an index alone")
                .contains("Index Only Scan using tickets_assigned_by_status");
    }

    @Test
    void the_unassigned_queue_of_a_status_by_due_time_reads_the_unassigned_due_index() {
        String plan = explainList(
                filter().assignee(TicketFilter.AssigneeFilter.NONE)
                        .statuses(TicketStatus.NEW)
                        .build(),
                new TicketSort(TicketSort.Key.DUE, false));

        assertThat(pagePart(plan))
                .as("the page, read in due order")
                .contains("tickets_unassigned_by_due")
                .doesNotContain("Sort");
        assertThat(plan).doesNotContain("Seq Scan on tickets");
    }

    @Test
    void filter_by_requester() {
        assertUsesIndex(filter().requester(user(42)).build(), "tickets_by_requester");
    }

    @Test
    void filter_by_organization() {
        JdbiTicketQueriesTest.FilterBuilder f = filter();
        f.organization = Optional.of(new OrganizationId(id("4000-b000", 17)));
        assertUsesIndex(f.build(), "tickets_by_organization");
    }

    /**
     * A customer's search for a word common across the tenant starts from the tickets they may see and reads only
     * their conversations, never the tenant-wide search indexes (a million-ticket tenant's portal search took seconds
     * reading every match there; docs/performance.md).
     */
    @Test
    void a_customers_search_reads_their_own_tickets_and_conversations_not_the_tenants_matches() {
        CustomerActor customer = new CustomerActor(
                TENANT, user(42), "Customer 42", Optional.of(new OrganizationId(id("4000-b000", 43))), true);
        String plan = explainList(
                JdbiTicketQueriesTest.withText(TicketFilter.seenBy(customer), "printer"), TicketSort.BEST_MATCH_FIRST);

        assertThat(plan)
                .doesNotContain("messages_search")
                .doesNotContain("tickets_search")
                .doesNotContain("Seq Scan on tickets")
                .doesNotContain("Seq Scan on messages")
                .contains("tickets_by_requester")
                .contains("messages_conversation");
    }

    @Test
    void a_customers_own_list_reads_their_requester_and_organisation_indexes() {
        CustomerActor customer = new CustomerActor(
                TENANT, user(42), "Customer 42", Optional.of(new OrganizationId(id("4000-b000", 43))), true);
        String plan = explainList(TicketFilter.seenBy(customer), TicketSort.NEWEST_FIRST);

        assertThat(plan)
                .doesNotContain("Seq Scan on tickets")
                .contains("tickets_by_requester")
                .contains("tickets_by_organization");
    }

    @Test
    void filter_by_priority_can_read_the_priority_rank_index() {
        assertIndexServes(filter().priorities(Priority.URGENT, Priority.HIGH).build(), "tickets_by_priority");
    }

    @Test
    void filter_by_category_can_read_the_category_index() {
        assertIndexServes(filter().categories("billing").build(), "tickets_by_category");
    }

    /**
     * Without a filter, or with only statuses and the unassigned, escalated and breached flags, the total is the
     * tenant's counters', not a count of tickets.
     */
    @Test
    void the_total_of_the_whole_list_or_of_statuses_and_flags_reads_the_counters() {
        for (TicketFilter f : List.of(
                TicketFilter.ALL,
                filter().statuses(TicketStatus.NEW, TicketStatus.ON_HOLD).build(),
                filter().assignee(TicketFilter.AssigneeFilter.NONE).build(),
                filter().escalated(true).build(),
                filter().statuses(TicketStatus.NEW, TicketStatus.IN_PROGRESS)
                        .slaBreached(true)
                        .build())) {
            String plan = explainList(f, TicketSort.NEWEST_FIRST);

            assertThat(plan).contains("on ticket_counts").doesNotContain("Seq Scan on tickets");
        }
    }

    /** A tag's total, alone or with statuses, is the sum of its counters (V145), not a count of tagged tickets. */
    @Test
    void filter_by_tag_totals_from_the_tag_counters() {
        for (TicketFilter f : List.of(
                filter().tag("tag17").build(),
                filter().tag("tag17")
                        .statuses(TicketStatus.NEW, TicketStatus.ON_HOLD)
                        .build())) {
            String plan = explainList(f, TicketSort.NEWEST_FIRST);

            assertThat(plan)
                    .doesNotContain("Seq Scan on tickets")
                    .doesNotContain("Seq Scan on ticket_tags")
                    .contains("on ticket_tag_counts");
            assertThat(pagePart(plan))
                    .as("the tag's id found once, then ticket_tags probed by it (by ticket or by tag, as costs say)")
                    .contains("InitPlan")
                    .containsPattern(
                            "Index (Only )?Scan[^\\n]* on ticket_tags tt[^\\n]*\\n[^\\n]*Index Cond: [^\\n]*tag_id = \\$0")
                    .doesNotContain("using tags_pkey");
        }
    }

    @Test
    void filter_by_created_range() {
        JdbiTicketQueriesTest.FilterBuilder f = filter().created(
                        Optional.of(Instant.parse("2024-03-01T00:00:00Z")),
                        Optional.of(Instant.parse("2024-03-02T00:00:00Z")));
        String plan = explainList(f.build(), TicketSort.NEWEST_FIRST);

        assertThat(plan).doesNotContain("Seq Scan on tickets").contains("tickets_by_created");
        assertThat(plan).containsPattern("Index Cond: .*created_at >=");
    }

    @Test
    void search_by_number_exact_and_prefix() {
        for (String number : new String[] {"TKT-2024-012345", "tkt-2024-01234"}) {
            String plan =
                    explainList(JdbiTicketQueriesTest.withText(TicketFilter.ALL, number), TicketSort.NEWEST_FIRST);

            assertThat(plan)
                    .as(number)
                    .contains("Index Scan using tickets_number")
                    .containsPattern("Index Cond: .*~>=~");
        }
    }

    /**
     * Under forced row-level security PostgreSQL evaluates a query's own conditions inside an index only when their
     * functions are LEAKPROOF. The clusters Supportdesk starts mark the two search operators' functions so at creation
     * (LocalPostgres; docs/persistence.md, "Search under row-level security"), and then search reads tickets_search,
     * messages_search and the trigram indexes of users.
     */
    @Test
    void search_terms_use_the_gin_indexes() {
        assertThat(Database.searchIndexesUsable(database.dataSource())).isTrue();

        String plan =
                explainList(JdbiTicketQueriesTest.withText(TicketFilter.ALL, "w12345"), TicketSort.BEST_MATCH_FIRST);

        assertThat(plan)
                .doesNotContain("Seq Scan on tickets")
                .doesNotContain("Seq Scan on messages")
                .contains("tickets_search")
                .contains("messages_search");
        assertThat(plan).containsAnyOf("users_name_trgm", "users_email_trgm", "Seq Scan on users");
    }

    // ---- the SLA breach scan -------------------------------------------------------------------------------------

    @Test
    void sla_breach_candidates_read_the_two_partial_due_indexes() {
        String plan = explain(
                SlaBreachCandidateDao.DUE_AT_OR_BEFORE,
                Map.of("tenant", TENANT.value(), "now", Instant.parse("2025-06-01T00:00:00Z"), "limit", 100));

        assertThat(plan)
                .doesNotContain("Seq Scan on tickets")
                .contains("tickets_first_response_due")
                .contains("tickets_resolution_due");
    }

    @Test
    void sla_breach_candidates_are_the_overdue_running_clocks_not_yet_breached() {
        Instant now = Instant.parse("2024-01-02T00:00:00Z");
        var candidates = database.transactions()
                .inTransaction(
                        TENANT, () -> new JdbiSlaBreachCandidates(database.scope()).dueAtOrBefore(TENANT, now, 1000));
        long expected = database.transactions()
                .inTransaction(TENANT, () -> database.jdbi().withHandle(handle -> handle.createQuery(
                                """
                                SELECT count(*) FROM tickets
                                 WHERE deleted_at IS NULL AND (
                                       (first_response_due_at <= :now AND first_response_breached_at IS NULL
                                        AND first_responded_at IS NULL AND status NOT IN ('resolved', 'closed'))
                                    OR (resolution_due_at <= :now AND resolution_breached_at IS NULL
                                        AND status IN ('new', 'in_progress')))
                                """)
                        .bind("now", now)
                        .mapTo(Long.class)
                        .one()));

        assertThat(candidates).hasSize((int) expected).doesNotHaveDuplicates();
        assertThat(expected).isPositive();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void assertUsesIndex(TicketFilter filter, String index) {
        String plan = explainList(filter, TicketSort.NEWEST_FIRST);

        assertThat(plan).doesNotContain("Seq Scan on tickets").contains(index);
    }

    /**
     * That {@code index} matches the filter's predicate, for a filter that matches a sixth of the tenant or more: there
     * a scan may rightly cost less than the index, and which one wins turns on how much of the table the visibility map
     * shows all-visible (less when another test's transaction held back the VACUUM). With sequential and bitmap scans
     * priced out, the plan shows which index the query can use, and still shows a scan if none matches.
     */
    private void assertIndexServes(TicketFilter filter, String index) {
        TicketListSql sql = TicketListSql.of(TENANT, filter, TicketSort.NEWEST_FIRST, FIRST_PAGE);
        String plan = explain(
                sql.sql(), sql.bindings(), "SET LOCAL enable_seqscan = off", "SET LOCAL enable_bitmapscan = off");

        assertThat(plan).doesNotContain("Seq Scan on tickets").contains(index);
    }

    private String explainList(TicketFilter filter, TicketSort sort) {
        return explainList(filter, sort, FIRST_PAGE);
    }

    private String explainList(TicketFilter filter, TicketSort sort, PageRequest page) {
        TicketListSql sql = TicketListSql.of(TENANT, filter, sort, page);
        return explain(sql.sql(), sql.bindings());
    }

    private String explain(String sql, Map<String, Object> bindings, String... settings) {
        return database.transactions()
                .inTransaction(TENANT, () -> database.jdbi().withHandle(handle -> {
                    for (String setting : settings) {
                        handle.execute(setting);
                    }
                    return handle.createQuery("EXPLAIN " + sql).bindMap(bindings).mapTo(String.class).stream()
                            .collect(Collectors.joining("\n"));
                }));
    }

    /** The plan of the {@code page} CTE: from its line to the next node at its indentation. */
    private static String pagePart(String plan) {
        int start = plan.indexOf("CTE page");
        assertThat(start).as("plan has a page CTE:\n%s", plan).isNotNegative();
        String rest = plan.substring(start);
        String indent = plan.substring(plan.lastIndexOf('\n', start) + 1, start);
        int end = rest.indexOf("\n" + indent + "CTE ", 1);
        int sibling = rest.indexOf("\n" + indent + "->", 1);
        int stop = end < 0 ? sibling : sibling < 0 ? end : Math.min(end, sibling);
        return stop < 0 ? rest : rest.substring(0, stop);
    }

    private boolean leakproof(String function) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT bool_and(proleakproof) FROM pg_proc WHERE proname = :name")
                .bind("name", function)
                .mapTo(Boolean.class)
                .one());
    }

    private static JdbiTicketQueriesTest.FilterBuilder filter() {
        return new JdbiTicketQueriesTest.FilterBuilder();
    }

    private static UserId user(int n) {
        return new UserId(id("4000-a000", n));
    }

    private static UUID id(String middle, int n) {
        return UUID.fromString(String.format("00000000-0000-%s-%012x", middle, n));
    }
}
