package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.journal.ChainVerdict;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.tenant.Author;

/**
 * Each tenant's journal is hash-chained (§16, docs/adr/0024-hash-chained-journal.md): concurrent writers leave one
 * unbroken chain, and whatever a superuser who turned the append-only trigger off does to an entry (alter, backdate,
 * delete, swap, forge, append) is reported at that entry's position, while other tenants' chains still verify.
 */
@ExtendWith(PostgresExtension.class)
class JournalChainTest {
    private static final int WRITERS = 6;
    private static final int FILINGS_EACH = 5;

    private final TestDatabase database;
    private final JdbiSupportdesk core;

    JournalChainTest(TestDatabase database) {
        this.database = database;
        this.core = new JdbiSupportdesk(database);
    }

    @Test
    void concurrent_writers_leave_one_unbroken_chain_numbered_without_holes() throws Exception {
        TenantFixture tenant = core.newTenant();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit((Callable<Void>) () -> {
                    for (int i = 0; i < FILINGS_EACH; i++) {
                        core.useCases
                                .portal()
                                .fileTicket()
                                .handle(JdbiSupportdesk.filing(tenant, "Writer " + writer + " filing " + i));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }

        ChainVerdict verdict = verify(tenant);
        List<Long> positions = positionsOf(tenant);

        assertThat(verdict.verified()).isTrue();
        assertThat(verdict.entries()).isEqualTo(positions.size()).isGreaterThanOrEqualTo(WRITERS * FILINGS_EACH);
        assertThat(positions)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, positions.size()).boxed().toList());
        assertThat(verdict.headHash()).isEqualTo(newestHashOf(tenant));
    }

    /** A change's entries go in one batch ({@code Journal.appendAll}); each takes the next place in the chain. */
    @Test
    void entries_appended_in_one_batch_take_consecutive_places_in_an_unbroken_chain() throws SQLException {
        TenantFixture tenant = core.newTenant();
        long before = positionsOf(tenant).size();

        core.stores.transactions().inTransaction(tenant.tenant, () -> {
            core.stores
                    .journal()
                    .appendAll(List.of(entry(tenant, "one"), entry(tenant, "two"), entry(tenant, "three")));
            core.stores.journal().append(entry(tenant, "four"));
            return null;
        });

        ChainVerdict verdict = verify(tenant);
        assertThat(verdict.verified()).isTrue();
        assertThat(verdict.entries()).isEqualTo(before + 4);
        assertThat(positionsOf(tenant))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, before + 4).boxed().toList());
        assertThat(verdict.headHash()).isEqualTo(newestHashOf(tenant));
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM journal WHERE tenant_id = ? AND seq > " + before
                                + " AND changes->0->>'after' = CASE seq - " + before
                                + " WHEN 1 THEN 'one' WHEN 2 THEN 'two' WHEN 3 THEN 'three' ELSE 'four' END",
                        tenant.tenant.value()))
                .as("each entry at the place of its order")
                .isEqualTo(4);
    }

    private JournalEntry entry(TenantFixture tenant, String name) {
        return new JournalEntry(
                UUID.randomUUID(),
                tenant.tenant,
                Author.SYSTEM,
                JournalAction.SETTINGS_CHANGED,
                TargetKind.TENANT,
                tenant.tenant.value(),
                List.of(FieldChange.of("name", null, name)),
                "batch",
                core.clock.instant());
    }

    /** What a superuser does to the tenant's entries with the triggers off, and where the walk must say it broke. */
    enum Tampering {
        RENAME_THE_ACTOR("UPDATE journal SET actor_name = 'Mallory' WHERE tenant_id = ? AND seq = 3", 3),
        REWRITE_THE_CHANGES("UPDATE journal SET changes = '[]' WHERE tenant_id = ? AND seq = 3", 3),
        CHANGE_THE_ACTION("UPDATE journal SET action = 'ticket_deleted' WHERE tenant_id = ? AND seq = 3", 3),
        BACKDATE("UPDATE journal SET at = at - INTERVAL '1 day' WHERE tenant_id = ? AND seq = 3", 3),
        FORGE_THE_HASH("UPDATE journal SET chain_hash = sha256('forged') WHERE tenant_id = ? AND seq = 3", 3),
        DELETE_ONE("DELETE FROM journal WHERE tenant_id = ? AND seq = 3", 3),
        DELETE_THE_NEWEST(
                "DELETE FROM journal WHERE tenant_id = ? AND seq = (SELECT max(seq) FROM journal"
                        + " WHERE tenant_id = ?)",
                -1),
        SWAP_TWO(
                """
                UPDATE journal SET seq = -seq WHERE tenant_id = ? AND seq IN (3, 4);
                UPDATE journal SET seq = CASE seq WHEN -3 THEN 4 ELSE 3 END WHERE tenant_id = ? AND seq IN (-3, -4)
                """,
                3),
        APPEND_PAST_THE_HEAD(
                """
                INSERT INTO journal (tenant_id, id, actor_id, actor_name, actor_role, action, target_kind, target_id,
                    changes, correlation_id, at, seq, content_digest, chain_hash)
                SELECT tenant_id, gen_random_uuid(), actor_id, actor_name, actor_role, action, target_kind, target_id,
                       changes, correlation_id, at, seq + 1, content_digest, sha256(chain_hash)
                  FROM journal WHERE tenant_id = ? AND seq = (SELECT max(seq) FROM journal WHERE tenant_id = ?)
                """,
                0);

        final String sql;
        /** The position reported: a number, -1 for the newest entry, 0 for one past it. */
        final int brokenAt;

        Tampering(String sql, int brokenAt) {
            this.sql = sql;
            this.brokenAt = brokenAt;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Tampering.class)
    void tampering_with_any_entry_is_reported_at_its_position(Tampering tampering) throws SQLException {
        TenantFixture tenant = core.newTenant();
        TenantFixture bystander = core.newTenant();
        for (int i = 0; i < 5; i++) {
            core.useCases.portal().fileTicket().handle(JdbiSupportdesk.filing(tenant, "On the record " + i));
        }
        core.useCases.portal().fileTicket().handle(JdbiSupportdesk.filing(bystander, "Elsewhere"));
        long entries = verify(tenant).entries();
        assertThat(entries).isGreaterThanOrEqualTo(5);
        assertThat(verify(tenant).verified()).isTrue();

        tamper(tenant, tampering.sql);

        long expected = tampering.brokenAt == -1 ? entries : tampering.brokenAt == 0 ? entries + 1 : tampering.brokenAt;
        assertThat(verify(tenant).firstBrokenAt()).isEqualTo(OptionalLong.of(expected));
        assertThat(verify(bystander).verified()).isTrue();
    }

    @Test
    void appends_after_a_break_do_not_hide_it() throws SQLException {
        TenantFixture tenant = core.newTenant();
        for (int i = 0; i < 3; i++) {
            core.useCases.portal().fileTicket().handle(JdbiSupportdesk.filing(tenant, "Before " + i));
        }
        tamper(tenant, Tampering.RENAME_THE_ACTOR.sql);

        core.useCases.portal().fileTicket().handle(JdbiSupportdesk.filing(tenant, "After"));

        assertThat(verify(tenant).firstBrokenAt()).isEqualTo(OptionalLong.of(3));
    }

    private ChainVerdict verify(TenantFixture tenant) {
        return core.stores
                .transactions()
                .inTransaction(tenant.tenant, () -> core.stores.journal().verifyChain(tenant.tenant));
    }

    /** Runs {@code sql} as a superuser with every trigger off (the append-only one too), each ? the tenant's id. */
    private void tamper(TenantFixture tenant, String sql) throws SQLException {
        try (Connection superuser = database.unrestrictedConnection()) {
            superuser.setAutoCommit(false);
            try (Statement replica = superuser.createStatement()) {
                replica.execute("SET LOCAL session_replication_role = replica");
            }
            for (String statement : sql.split(";")) {
                if (statement.isBlank()) {
                    continue;
                }
                try (PreparedStatement change = superuser.prepareStatement(statement)) {
                    for (int i = 1; i <= change.getParameterMetaData().getParameterCount(); i++) {
                        change.setObject(i, tenant.tenant.value());
                    }
                    assertThat(change.executeUpdate()).as(statement).isPositive();
                }
            }
            superuser.commit();
        }
    }

    private List<Long> positionsOf(TenantFixture tenant) throws SQLException {
        List<Long> positions = new ArrayList<>();
        try (Connection superuser = database.unrestrictedConnection();
                PreparedStatement sql =
                        superuser.prepareStatement("SELECT seq FROM journal WHERE tenant_id = ? ORDER BY seq")) {
            sql.setObject(1, tenant.tenant.value());
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    positions.add(rows.getLong(1));
                }
            }
        }
        return positions;
    }

    private String newestHashOf(TenantFixture tenant) throws SQLException {
        try (Connection superuser = database.unrestrictedConnection();
                PreparedStatement sql = superuser.prepareStatement(
                        "SELECT chain_hash FROM journal WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1")) {
            sql.setObject(1, tenant.tenant.value());
            try (ResultSet rows = sql.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return HexFormat.of().formatHex(rows.getBytes(1));
            }
        }
    }
}
