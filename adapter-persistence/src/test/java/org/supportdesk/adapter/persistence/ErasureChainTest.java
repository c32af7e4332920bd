package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.privacy.ErasePerson;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.journal.ChainVerdict;

/**
 * Erasure and the journal's hash chain (§16, docs/adr/0026-erasure-in-place.md): an erasure redacts entries and the
 * chain still verifies; but a superuser who edits a redacted entry, fakes a redaction on another, or marks one
 * redacted by an erasure that never happened is caught, and the append-only trigger refuses any update that is not a
 * first redaction.
 */
@ExtendWith(PostgresExtension.class)
class ErasureChainTest {
    private final TestDatabase database;
    private final JdbiSupportdesk core;
    private TenantFixture tenant;

    ErasureChainTest(TestDatabase database) {
        this.database = database;
        this.core = new JdbiSupportdesk(database);
    }

    @BeforeEach
    void erase_a_customer_with_history() throws SQLException {
        tenant = core.newTenant();
        for (int i = 0; i < 3; i++) {
            core.useCases.portal().fileTicket().handle(JdbiSupportdesk.filing(tenant, "Before erasure " + i));
        }
        core.useCases.portal().fileTicket().handle(byColleague("Someone else's"));
        core.useCases.admin().erasePerson().handle(new ErasePerson.Command(tenant.adminActor(), tenant.customer.id()));
        core.useCases.portal().fileTicket().handle(byColleague("After erasure"));
    }

    private FileTicket.Command byColleague(String subject) {
        return JdbiSupportdesk.filing(tenant.asCustomer(tenant.colleague), subject, List.of(), Optional.empty());
    }

    @Test
    void an_erasure_redacts_entries_and_the_chain_still_verifies() {
        ChainVerdict verdict = verify();

        assertThat(verdict.verified()).as(verdict.toString()).isTrue();
        assertThat(redacted()).isGreaterThanOrEqualTo(3); // the three filings
    }

    @Test
    void editing_a_redacted_entry_is_caught_at_the_erasures_first_redaction() throws SQLException {
        long first = firstRedactedPosition();

        tamper("UPDATE journal SET changes = '[{\"field\":\"status\",\"before\":null,\"after\":\"closed\"}]'"
                + " WHERE tenant_id = ? AND seq = (SELECT max(seq) FROM journal WHERE tenant_id = ?"
                + " AND redacted_by IS NOT NULL)");

        assertThat(verify().firstBrokenAt()).isEqualTo(OptionalLong.of(first));
    }

    @Test
    void a_faked_redaction_of_a_later_entry_is_caught_at_that_entry() throws SQLException {
        long filedAfter = core.unrestrictedCount(
                "SELECT max(seq) FROM journal WHERE tenant_id = ? AND action = 'ticket_filed' AND redacted_by IS NULL",
                tenant.tenant.value());

        tamper("UPDATE journal SET redacted_by = (SELECT id FROM journal WHERE tenant_id = ? AND action ="
                + " 'person_erased'), changes = '[]' WHERE tenant_id = ? AND seq = (SELECT max(seq) FROM journal"
                + " WHERE tenant_id = ? AND redacted_by IS NULL AND action = 'ticket_filed')");

        assertThat(verify().firstBrokenAt()).isEqualTo(OptionalLong.of(filedAfter));
    }

    @Test
    void a_redaction_by_an_erasure_that_never_happened_is_caught_at_that_entry() throws SQLException {
        tamper("UPDATE journal SET redacted_by = gen_random_uuid(), actor_name = 'Mallory' WHERE tenant_id = ?"
                + " AND seq = 1");

        assertThat(verify().firstBrokenAt()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void the_trigger_refuses_any_update_but_a_first_redaction() throws SQLException {
        try (Connection owner = database.unrestrictedConnection();
                PreparedStatement sql = owner.prepareStatement(
                        "UPDATE journal SET redacted_by = ?, action = 'ticket_deleted' WHERE tenant_id = ? AND seq = 1")) {
            sql.setObject(1, UUID.randomUUID());
            sql.setObject(2, tenant.tenant.value());
            assertThatThrownBy(sql::executeUpdate).hasMessageContaining("only a redaction may update an entry");
        }
        try (Connection owner = database.unrestrictedConnection();
                PreparedStatement sql = owner.prepareStatement(
                        "UPDATE journal SET redacted_by = ? WHERE tenant_id = ? AND redacted_by IS NOT NULL")) {
            sql.setObject(1, UUID.randomUUID());
            sql.setObject(2, tenant.tenant.value());
            assertThatThrownBy(sql::executeUpdate).hasMessageContaining("only a redaction may update an entry");
        }
        assertThat(verify().verified()).isTrue();
    }

    private ChainVerdict verify() {
        return core.stores
                .transactions()
                .inTransaction(tenant.tenant, () -> core.stores.journal().verifyChain(tenant.tenant));
    }

    private long redacted() {
        return core.unrestrictedCount(
                "SELECT count(*) FROM journal WHERE tenant_id = ? AND redacted_by IS NOT NULL", tenant.tenant.value());
    }

    private long firstRedactedPosition() {
        return core.unrestrictedCount(
                "SELECT min(seq) FROM journal WHERE tenant_id = ? AND redacted_by IS NOT NULL", tenant.tenant.value());
    }

    /** Runs {@code sql} as a superuser with every trigger off, each ? the tenant's id. */
    private void tamper(String sql) throws SQLException {
        try (Connection superuser = database.unrestrictedConnection()) {
            superuser.setAutoCommit(false);
            try (Statement replica = superuser.createStatement()) {
                replica.execute("SET LOCAL session_replication_role = replica");
            }
            try (PreparedStatement change = superuser.prepareStatement(sql)) {
                for (int i = 1; i <= change.getParameterMetaData().getParameterCount(); i++) {
                    change.setObject(i, tenant.tenant.value());
                }
                assertThat(change.executeUpdate()).as(sql).isPositive();
            }
            superuser.commit();
        }
    }
}
