package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.domain.tenant.TenantId;

/**
 * With 20,000 call-back requests in one tenant, the first page of the staff's queue and of a customer's own list walk
 * an index under their limit, whichever filter they carry. Each EXPLAIN runs as the application role in a transaction
 * bound to the tenant, so the plans are the ones row-level security allows.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallQueuePlanTest {
    private static final TenantId TENANT = new TenantId(UUID.fromString("0c0c0c0c-0000-4000-8000-000000000001"));

    private final TestDatabase database;

    CallQueuePlanTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void twenty_thousand_calls() {
        database.createTenant(TENANT, "call-plans", InstantSource.fixed(Instant.parse("2026-03-01T00:00:00Z")));
        database.transactions().inTransaction(TENANT, () -> {
            database.jdbi().useHandle(handle -> {
                handle.createUpdate(
                                """
                                INSERT INTO users (tenant_id, id, email, name, role, active, created_at)
                                SELECT :tenant, ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid,
                                       'person' || i || '@example.com', 'Person ' || i,
                                       CASE WHEN i <= 1000 THEN 'customer' ELSE 'agent' END, true,
                                       timestamptz '2024-01-01'
                                  FROM generate_series(1, 1050) i
                                """)
                        .bind("tenant", TENANT.value())
                        .execute();
                handle.createUpdate(
                                """
                                INSERT INTO call_requests (tenant_id, id, requester_id, scheduled_at, status,
                                    assignee_id, requested_at, updated_at)
                                SELECT :tenant, ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
                                       ('00000000-0000-4000-a000-' || lpad(to_hex(1 + i % 1000), 12, '0'))::uuid,
                                       CASE WHEN i % 2 = 0 THEN timestamptz '2024-01-01' + i * interval '7 minutes' END,
                                       CASE WHEN i % 2 = 0 THEN (ARRAY['scheduled', 'done', 'cancelled'])[1 + i % 3]
                                            ELSE 'requested' END,
                                       CASE WHEN i % 4 = 0
                                            THEN ('00000000-0000-4000-a000-' || lpad(to_hex(1001 + i % 50), 12, '0'))::uuid
                                       END,
                                       timestamptz '2024-01-01' + i * interval '5 minutes',
                                       timestamptz '2024-01-01' + i * interval '5 minutes'
                                  FROM generate_series(1, 20000) i
                                """)
                        .bind("tenant", TENANT.value())
                        .execute();
            });
            return null;
        });
        database.jdbi().useHandle(handle -> handle.execute("VACUUM ANALYZE users, call_requests"));
    }

    @Test
    void the_whole_queue_walks_the_due_index() {
        assertThat(pagePart(explain("dueFirst", Map.of()))).contains("call_requests_by_due");
    }

    /** A common status may be cheaper to filter along the due index than to read by the status index. */
    @Test
    void the_queue_by_status_walks_an_index_in_due_order() {
        assertThat(pagePart(explain("dueFirst", Map.of("statuses", new String[] {"scheduled"}))))
                .containsPattern("Index (Only )?Scan using call_requests_by_(status|due) ");
    }

    @Test
    void the_queue_by_assignee_walks_the_assignee_index() {
        assertThat(pagePart(explain("dueFirst", Map.of("assignee", user(1004)))))
                .contains("call_requests_by_assignee");
        assertThat(pagePart(explain("dueFirst", Map.of("unassigned", true)))).doesNotContain("Seq Scan");
    }

    @Test
    void a_customers_own_list_walks_the_requester_index() {
        assertThat(pagePart(explain("newestFirst", Map.of("requester", user(42)))))
                .contains("call_requests_by_requester");
    }

    private static UUID user(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-a000-%012x", n));
    }

    /**
     * The plan of the page: from its {@code Limit} to where the page's rows are read back. It reads no whole table and
     * sorts no rows; the exact total beside it may count the matches any way it likes.
     */
    private static String pagePart(String plan) {
        int start = plan.indexOf("Limit");
        assertThat(start).as(plan).isNotNegative();
        int end = plan.indexOf("call_requests_pkey", start);
        String page = plan.substring(start, end > start ? end : plan.length());
        assertThat(page).as(plan).doesNotContain("Seq Scan").doesNotContain("Sort Key: c");
        return page;
    }

    /** The plan of a {@link CallRequestDao} list for the first page of 20; unset filters are null. */
    private String explain(String method, Map<String, Object> filters) {
        Method query = Arrays.stream(CallRequestDao.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(method))
                .findFirst()
                .orElseThrow();
        String sql = query.getAnnotation(SqlQuery.class).value();
        Map<String, Object> all = new HashMap<>();
        all.put("tenant", TENANT.value());
        all.put("requester", null);
        all.put("statuses", null);
        all.put("unassigned", false);
        all.put("assignee", null);
        all.put("dueFrom", null);
        all.put("dueTo", null);
        all.put("limit", 20);
        all.put("offset", 0L);
        all.putAll(filters);
        return database.transactions().inTransaction(TENANT, () -> database.jdbi()
                .withHandle(handle -> handle.createQuery("EXPLAIN " + sql).bindMap(all).mapTo(String.class).stream()
                        .collect(Collectors.joining("\n"))));
    }
}
