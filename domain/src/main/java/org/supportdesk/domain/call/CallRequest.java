package org.supportdesk.domain.call;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * A customer's request to be called back (§9, seed 001): now, or at a time at most 30 days ahead, optionally about one
 * of their tickets. Staff work it from a queue ordered by when it is due: its {@code scheduledAt}, or for a call wanted
 * now the moment it was asked for. Immutable: a change answers the request it makes and what changed, for the journal.
 */
public record CallRequest(
        CallId id,
        TenantId tenant,
        UserId requester,
        Optional<TicketId> ticket,
        Optional<PhoneNumber> phone,
        Optional<CallNote> note,
        Optional<Instant> scheduledAt,
        CallStatus status,
        Optional<UserId> assignee,
        Optional<CallOutcome> outcome,
        Instant requestedAt,
        Instant updatedAt) {

    /** How far ahead a customer may ask to be called. */
    public static final Duration FURTHEST_AHEAD = Duration.ofDays(30);

    public CallRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(note, "note");
        scheduledAt = Objects.requireNonNull(scheduledAt, "scheduledAt").map(CallRequest::micros);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(outcome, "outcome");
        requestedAt = micros(Objects.requireNonNull(requestedAt, "requestedAt"));
        updatedAt = micros(Objects.requireNonNull(updatedAt, "updatedAt"));
        if (status == CallStatus.SCHEDULED && scheduledAt.isEmpty()) {
            throw new IllegalArgumentException("a scheduled call has a time");
        }
    }

    /**
     * A customer asks at {@code now} to be called back now ({@code scheduledAt} empty) or at a time from now up to
     * {@link #FURTHEST_AHEAD}; a time in the past or further ahead is refused on {@code scheduled_at}. The caller checked
     * that the customer may see {@code ticket}.
     */
    public static CallRequest request(
            CallId id,
            CustomerActor customer,
            Optional<TicketId> ticket,
            Optional<PhoneNumber> phone,
            Optional<CallNote> note,
            Optional<Instant> scheduledAt,
            Instant now) {
        Instant at = micros(now);
        scheduledAt.map(CallRequest::micros).ifPresent(time -> {
            if (time.isBefore(at)) {
                throw ValidationFailed.of("scheduled_at", "must not be in the past; leave it out to be called now");
            }
            if (time.isAfter(at.plus(FURTHEST_AHEAD))) {
                throw ValidationFailed.of("scheduled_at", "must be at most 30 days ahead");
            }
        });
        return new CallRequest(
                id,
                customer.tenant(),
                customer.id(),
                ticket,
                phone,
                note,
                scheduledAt,
                CallStatus.REQUESTED,
                Optional.empty(),
                Optional.empty(),
                at,
                at);
    }

    /** When the call is due: its scheduled time, or when it was asked for if the customer wanted it now. */
    public Instant dueAt() {
        return scheduledAt.orElse(requestedAt);
    }

    /** What the journal records of the request (§17 {@code call_requested}). */
    public List<FieldChange> asRequested() {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(FieldChange.of("status", null, status.wireName()));
        scheduledAt.ifPresent(time -> changes.add(FieldChange.of("scheduled_at", null, time)));
        ticket.ifPresent(t -> changes.add(FieldChange.of("ticket_id", null, t)));
        phone.ifPresent(p -> changes.add(FieldChange.of("phone", null, p.value())));
        note.ifPresent(n -> changes.add(FieldChange.of("note", null, n.value())));
        return changes;
    }

    /**
     * Staff's change at {@code now}: the time, the assignee and the outcome first, then the status, checked against
     * {@link CallLifecycle}. A value equal to the current one is no change. A new time must not be in the past; a
     * scheduled call needs a time; an assignee must be an active agent or admin of the tenant. A done or cancelled call
     * keeps its time and assignee (409 CONFLICT) and only its outcome can still change.
     */
    public Changed change(CallChange change, Instant now) {
        Instant at = micros(now);
        List<FieldChange> changes = new ArrayList<>();

        Optional<Instant> newTime =
                change.scheduledAt().map(CallRequest::micros).or(() -> scheduledAt);
        if (!newTime.equals(scheduledAt)) {
            requireOpen("time");
            if (newTime.orElseThrow().isBefore(at)) {
                throw ValidationFailed.of("scheduled_at", "must not be in the past");
            }
            changes.add(FieldChange.of("scheduled_at", scheduledAt.orElse(null), newTime.orElseThrow()));
        }

        Optional<UserId> newAssignee = assignee;
        if (change.assignee().isPresent()) {
            Optional<Person> person = change.assignee().get().person();
            person.ifPresent(p -> {
                if (!p.isAssignable() || !p.tenant().equals(tenant)) {
                    throw ValidationFailed.of("assignee_id", "must be an active agent or admin of the tenant");
                }
            });
            newAssignee = person.map(Person::id);
        }
        if (!newAssignee.equals(assignee)) {
            requireOpen("assignee");
            changes.add(FieldChange.of("assignee_id", assignee.orElse(null), newAssignee.orElse(null)));
        }

        Optional<CallOutcome> newOutcome = change.outcome().or(() -> outcome);
        if (!newOutcome.equals(outcome)) {
            changes.add(FieldChange.of(
                    "outcome",
                    outcome.map(CallOutcome::value).orElse(null),
                    newOutcome.orElseThrow().value()));
        }

        CallStatus newStatus = change.status().orElse(status);
        if (newStatus != status) {
            CallLifecycle.check(status, newStatus);
            changes.add(FieldChange.of("status", status.wireName(), newStatus.wireName()));
        }
        if (newStatus == CallStatus.SCHEDULED && newTime.isEmpty()) {
            throw ValidationFailed.of("scheduled_at", "a scheduled call needs a time");
        }

        if (changes.isEmpty()) {
            return new Changed(this, List.of());
        }
        return new Changed(
                new CallRequest(
                        id,
                        tenant,
                        requester,
                        ticket,
                        phone,
                        note,
                        newTime,
                        newStatus,
                        newAssignee,
                        newOutcome,
                        requestedAt,
                        at),
                changes);
    }

    private void requireOpen(String what) {
        if (!status.isOpen()) {
            throw new Conflict(
                    "The call is " + status.wireName() + "; its " + what + " no longer changes, only its outcome can");
        }
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** A change's outcome: the request as it now is, and the fields that changed (none when nothing did). */
    public record Changed(CallRequest call, List<FieldChange> changes) {
        public Changed {
            Objects.requireNonNull(call, "call");
            changes = List.copyOf(changes);
        }

        public boolean changedAnything() {
            return !changes.isEmpty();
        }
    }
}
