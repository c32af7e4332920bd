package org.supportdesk.application.work;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.CorrelationIds;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * The unit of work every admin action shares: one transaction of the admin's tenant, and a journal entry for each
 * change (§16, §17 "Journal vocabulary") written in that same transaction.
 */
public final class AdminWork {
    private final TransactionRunner transactions;
    private final Journal journal;
    private final IdGenerator ids;
    private final CorrelationIds correlation;
    private final InstantSource clock;

    public AdminWork(
            TransactionRunner transactions,
            Journal journal,
            IdGenerator ids,
            CorrelationIds correlation,
            InstantSource clock) {
        this.transactions = transactions;
        this.journal = journal;
        this.ids = ids;
        this.correlation = correlation;
        this.clock = clock;
    }

    /** Runs {@code work} for an admin in one transaction of their tenant; anyone else is refused. */
    public <T> T asAdmin(StaffActor actor, String what, Supplier<T> work) {
        if (!actor.isAdmin()) {
            throw new Forbidden("only admins " + what);
        }
        return transactions.inTransaction(actor.tenant(), work);
    }

    /** Runs {@code work} for any staff member in one transaction of their tenant. */
    public <T> T asStaff(StaffActor actor, Supplier<T> work) {
        return transactions.inTransaction(actor.tenant(), work);
    }

    /** Journals one admin action inside the open transaction. */
    public void record(
            StaffActor actor, JournalAction action, TargetKind kind, UUID target, List<FieldChange> changes) {
        journal.append(new JournalEntry(
                ids.newId(),
                actor.tenant(),
                actor.asAuthor(),
                action,
                kind,
                target,
                changes,
                correlation.current(),
                now()));
    }

    /** A fresh id for a record an admin creates. */
    public UUID newId() {
        return ids.newId();
    }

    /** Now, to the microsecond the store keeps. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
