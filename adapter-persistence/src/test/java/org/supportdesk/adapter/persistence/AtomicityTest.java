package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.Via;

/** A unit of work that fails leaves nothing behind in any table, whatever it had already written. */
@ExtendWith(PostgresExtension.class)
class AtomicityTest {
    private final JdbiSupportdesk core;

    AtomicityTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    /** What a ticket's unit of work writes, as counted in the database. */
    private record Trace(long version, long messages, long journal, long outbox) {}

    @Test
    void a_change_that_fails_after_saving_leaves_no_trace() {
        TenantFixture tenant = core.newTenant();
        TicketState ticket = core.fileAndRead(JdbiSupportdesk.filing(tenant, "Atomic"));
        Trace before = unrestrictedTrace(tenant.tenant, ticket.id().value());
        AtomicReference<Trace> insideTheTransaction = new AtomicReference<>();

        assertThatThrownBy(() -> core.useCases
                        .changes()
                        .change(tenant.agentActor(), ticket.id(), Optional.empty(), (loaded, context) -> {
                            loaded.reply(
                                    new Body("Saved, then the request fails"),
                                    Via.API,
                                    false,
                                    Duration.ofDays(7),
                                    context);
                            core.useCases.changes().record(loaded);
                            insideTheTransaction.set(
                                    traceInTransaction(ticket.id().value()));
                            throw new IllegalStateException("boom after save");
                        }))
                .hasMessage("boom after save");

        // The change was written (so the rollback had something to undo) ...
        Trace written = insideTheTransaction.get();
        assertThat(written.version()).isEqualTo(before.version() + 1);
        assertThat(written.messages()).isGreaterThan(before.messages());
        assertThat(written.journal()).isGreaterThan(before.journal());
        assertThat(written.outbox()).isGreaterThan(before.outbox());
        // ... and none of it survived.
        assertThat(unrestrictedTrace(tenant.tenant, ticket.id().value())).isEqualTo(before);
        assertThat(core.stores.transactions().inTransaction(tenant.tenant, () -> core.stores
                        .tickets()
                        .find(tenant.tenant, ticket.id())
                        .orElseThrow()
                        .state()))
                .isEqualTo(ticket);
    }

    @Test
    void a_filing_whose_transaction_fails_leaves_no_ticket_journal_outbox_or_number() {
        TenantFixture tenant = core.newTenant();
        UUID id = tenant.tenant.value();
        long journalBefore = core.unrestrictedCount("SELECT count(*) FROM journal WHERE tenant_id = ?", id);
        AtomicReference<TicketState> filed = new AtomicReference<>();

        assertThatThrownBy(() -> core.stores.transactions().inTransaction(tenant.tenant, () -> {
                    filed.set(core.fileAndRead(JdbiSupportdesk.filing(tenant, "Doomed")));
                    throw new IllegalStateException("boom after filing");
                }))
                .hasMessage("boom after filing");

        assertThat(filed.get())
                .as("the filing ran inside the failed transaction")
                .isNotNull();
        assertThat(core.unrestrictedCount("SELECT count(*) FROM tickets WHERE tenant_id = ?", id))
                .isZero();
        assertThat(core.unrestrictedCount("SELECT count(*) FROM journal WHERE tenant_id = ?", id))
                .isEqualTo(journalBefore);
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM journal WHERE tenant_id = ? AND target_id = ?",
                        id,
                        filed.get().id().value()))
                .isZero();
        assertThat(core.unrestrictedCount("SELECT count(*) FROM outbox WHERE tenant_id = ?", id))
                .isZero();
        assertThat(core.unrestrictedCount("SELECT count(*) FROM ticket_number_counters WHERE tenant_id = ?", id))
                .isZero();
        // The rolled-back number was never committed, so the next filing takes it.
        assertThat(core.fileAndRead(JdbiSupportdesk.filing(tenant, "Next")).number())
                .isEqualTo(filed.get().number())
                .isEqualTo(new TicketNumber(filed.get().number().year(), 1));
    }

    private Trace unrestrictedTrace(TenantId tenant, UUID ticket) {
        return new Trace(
                core.unrestrictedCount(
                        "SELECT coalesce(sum(version), 0) FROM tickets WHERE tenant_id = ? AND id = ?",
                        tenant.value(),
                        ticket),
                core.unrestrictedCount(
                        "SELECT count(*) FROM messages WHERE tenant_id = ? AND ticket_id = ?", tenant.value(), ticket),
                core.unrestrictedCount(
                        "SELECT count(*) FROM journal WHERE tenant_id = ? AND target_id = ?", tenant.value(), ticket),
                core.unrestrictedCount(
                        "SELECT count(*) FROM outbox WHERE tenant_id = ? AND ticket_id = ?", tenant.value(), ticket));
    }

    /** The same counts seen from inside the running transaction (its own handle, its tenant). */
    private Trace traceInTransaction(UUID ticket) {
        return core.jdbi.withHandle(handle -> {
            java.util.function.Function<String, Long> count = sql -> handle.createQuery(sql)
                    .bind("ticket", ticket)
                    .mapTo(Long.class)
                    .one();
            return new Trace(
                    count.apply("SELECT coalesce(sum(version), 0) FROM tickets WHERE id = :ticket"),
                    count.apply("SELECT count(*) FROM messages WHERE ticket_id = :ticket"),
                    count.apply("SELECT count(*) FROM journal WHERE target_id = :ticket"),
                    count.apply("SELECT count(*) FROM outbox WHERE ticket_id = :ticket"));
        });
    }
}
