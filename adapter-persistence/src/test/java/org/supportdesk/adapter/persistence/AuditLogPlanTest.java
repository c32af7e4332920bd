package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.AuditLogFilter;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * With 100,000 journal entries in one tenant (most of them customers' and the system's), the audit log's first page
 * and its total read journal_audit_log, newest first, and its filters read their own indexes: never the whole journal,
 * never a sort of it. Each EXPLAIN runs in a transaction bound to the tenant, as row-level security plans it.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogPlanTest {
    private static final TenantId TENANT = new TenantId(UUID.fromString("0b0b0b0b-0000-4000-8000-000000000001"));
    private static final UUID AGENT = UUID.fromString("0b0b0b0b-0000-4000-8000-00000000a001");

    private final TestDatabase database;

    AuditLogPlanTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void a_hundred_thousand_entries() {
        database.createTenant(TENANT, "audit-plans", InstantSource.fixed(Instant.parse("2026-03-01T00:00:00Z")));
        database.transactions().inTransaction(TENANT, () -> {
            database.jdbi().useHandle(handle -> handle.createUpdate(
                            """
                            INSERT INTO journal (tenant_id, id, actor_id, actor_name, actor_role, action, target_kind,
                                target_id, changes, correlation_id, at, seq, content_digest, chain_hash)
                            SELECT :tenant, gen_random_uuid(),
                                   CASE WHEN g % 10 = 0 THEN :agent WHEN g % 10 < 7 THEN gen_random_uuid() END,
                                   'Someone',
                                   CASE WHEN g % 10 = 0 THEN 'agent' WHEN g % 10 < 7 THEN 'customer' END,
                                   CASE WHEN g % 3 = 0 THEN 'status_changed' ELSE 'message_posted' END,
                                   'ticket', gen_random_uuid(), '[]'::jsonb, 'plan',
                                   TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute',
                                   coalesce((SELECT max(seq) FROM journal), 0) + g, sha256(''), sha256('')
                              FROM generate_series(1, 100000) AS g
                            """)
                    .bind("tenant", TENANT.value())
                    .bind("agent", AGENT)
                    .execute());
            return null;
        });
        database.jdbi().useHandle(handle -> handle.execute("VACUUM ANALYZE journal"));
    }

    @Test
    void the_unfiltered_first_page_and_its_total_read_the_audit_log_index() {
        String plan = explain(AuditLogFilter.ALL);

        assertThat(plan).contains("journal_audit_log").doesNotContain("Seq Scan on journal");
        // The page is the index read backwards under the limit; the one sort left orders the page's own 20 rows.
        assertThat(plan)
                .containsPattern("Limit [^\\n]*\\n(.*\\n){0,3}.*Index (Only )?Scan Backward using journal_audit_log");
        assertThat(plan).containsPattern("Sort  \\(cost=[0-9.]+ rows=20 ");
    }

    @Test
    void an_actor_filter_reads_the_actor_index() {
        String plan = explain(new AuditLogFilter(
                Optional.of(new UserId(AGENT)), Set.of(), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(plan).doesNotContain("Seq Scan on journal").containsPattern("journal_by_actor|journal_audit_log");
    }

    @Test
    void a_target_filter_reads_the_target_index() {
        String plan = explain(AuditLogFilter.ALL.withTarget(UUID.randomUUID()));

        assertThat(plan).doesNotContain("Seq Scan on journal").contains("journal_by_target");
    }

    @Test
    void an_action_filter_and_a_time_range_read_an_index() {
        String plan = explain(new AuditLogFilter(
                Optional.empty(),
                Set.of(JournalAction.STATUS_CHANGED),
                Optional.empty(),
                Optional.of(Instant.parse("2026-02-01T00:00:00Z")),
                Optional.of(Instant.parse("2026-02-02T00:00:00Z"))));

        assertThat(plan).doesNotContain("Seq Scan on journal");
    }

    private String explain(AuditLogFilter filter) {
        AuditLogSql sql = new AuditLogSql(TENANT, filter, PageRequest.ofTickets(1, 20));
        Map<String, Object> bindings = sql.bindings();
        return database.transactions().inTransaction(TENANT, () -> database.jdbi()
                .withHandle(handle ->
                        handle.createQuery("EXPLAIN " + sql.sql()).bindMap(bindings).mapTo(String.class).stream()
                                .collect(Collectors.joining("\n"))));
    }
}
