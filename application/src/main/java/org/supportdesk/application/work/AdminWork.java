package org.supportdesk.application.work;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.supportdesk.application.feed.ChangeEvents;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.ChangeFeed;
import org.supportdesk.domain.port.CorrelationIds;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The unit of work every admin action shares: one transaction of the admin's tenant, and a journal entry for each
 * change (§16, §17 "Journal vocabulary") written in that same transaction.
 */
public final class AdminWork {
    private final TransactionRunner transactions;
    private final Journal journal;
    private final ChangeFeed feed;
    private final IdGenerator ids;
    private final CorrelationIds correlation;
    private final InstantSource clock;

    public AdminWork(
            TransactionRunner transactions,
            Journal journal,
            ChangeFeed feed,
            IdGenerator ids,
            CorrelationIds correlation,
            InstantSource clock) {
        this.transactions = transactions;
        this.journal = journal;
        this.feed = feed;
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

    /** Runs {@code work} as Supportdesk itself in one transaction of {@code tenant}, e.g. while creating it. */
    public <T> T asSystem(TenantId tenant, Supplier<T> work) {
        return transactions.inTransaction(tenant, work);
    }

    /** Journals one admin action inside the open transaction, and tells staff of it in the change feed. */
    public void record(Actor actor, JournalAction action, TargetKind kind, UUID target, List<FieldChange> changes) {
        record(ids.newId(), actor, action, kind, target, changes);
    }

    /**
     * As {@link #record(Actor, JournalAction, TargetKind, UUID, List)}, under an id the caller took from {@link #newId}
     * beforehand: an erasure marks what it redacts with the id of its own entry.
     */
    public void record(
            UUID entryId, Actor actor, JournalAction action, TargetKind kind, UUID target, List<FieldChange> changes) {
        JournalEntry entry = entry(entryId, actor, action, kind, target, changes);
        journal.append(entry);
        feed.append(ChangeEvents.ofAdminAction(entry));
    }

    /**
     * Journals a change to a call-back request inside the open transaction, and tells staff and the call's requester of
     * it in the change feed.
     */
    public void recordCall(Actor actor, JournalAction action, CallRequest call, List<FieldChange> changes) {
        JournalEntry entry =
                entry(ids.newId(), actor, action, TargetKind.CALL, call.id().value(), changes);
        journal.append(entry);
        feed.append(ChangeEvents.ofCall(entry, call));
    }

    private JournalEntry entry(
            UUID id, Actor actor, JournalAction action, TargetKind kind, UUID target, List<FieldChange> changes) {
        return new JournalEntry(
                id, actor.tenant(), actor.asAuthor(), action, kind, target, changes, correlation.current(), now());
    }

    /** Journals that {@code actor} added {@code person} (§17 {@code person_created}), inside the open transaction. */
    public void recordPersonCreated(Actor actor, Person person) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(FieldChange.of("email", null, person.email()));
        changes.add(FieldChange.of("name", null, person.name()));
        changes.add(FieldChange.of("role", null, person.role().wireName()));
        person.organization().ifPresent(org -> changes.add(FieldChange.of("organization_id", null, org)));
        record(
                actor,
                JournalAction.PERSON_CREATED,
                TargetKind.PERSON,
                person.id().value(),
                changes);
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
