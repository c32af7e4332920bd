package org.supportdesk.application.call;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.call.CallChange;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallNotFound;
import org.supportdesk.domain.call.CallOutcome;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.call.CallUnchanged;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;

/**
 * Staff work a call-back request (§10 PATCH): its time, assignee, outcome note and status, moved only as {@code
 * CallLifecycle} allows ({@code 409 INVALID_TRANSITION} naming the allowed targets). A request that changes nothing is
 * refused ({@code NO_CHANGES}). Journalled ({@code call_updated}) with every field it changed.
 */
public final class UpdateCall {
    /** A requested assignee: a person of the tenant, or nobody (unassign). */
    public record Assignment(Optional<UserId> assignee) {
        public Assignment {
            Objects.requireNonNull(assignee, "assignee");
        }
    }

    /** Each absent component leaves that part of the call alone. */
    public record Command(
            StaffActor actor,
            CallId call,
            Optional<CallStatus> status,
            Optional<Assignment> assignment,
            Optional<Instant> scheduledAt,
            Optional<CallOutcome> outcome) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(assignment, "assignment");
            Objects.requireNonNull(scheduledAt, "scheduledAt");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    private final AdminWork work;
    private final CallRequests calls;
    private final People people;

    public UpdateCall(AdminWork work, CallRequests calls, People people) {
        this.work = work;
        this.calls = calls;
        this.people = people;
    }

    public CallView handle(Command command) {
        StaffActor staff = command.actor();
        return work.asStaff(staff, () -> {
            CallRequest before = calls.find(staff.tenant(), command.call()).orElseThrow(CallNotFound::new);
            CallChange change = new CallChange(
                    command.status(),
                    command.assignment()
                            .map(a -> new CallChange.Assignment(a.assignee().map(id -> person(staff, id)))),
                    command.scheduledAt(),
                    command.outcome());
            CallRequest.Changed changed = before.change(change, work.now());
            if (!changed.changedAnything()) {
                throw new CallUnchanged(before.id());
            }
            calls.update(changed.call());
            work.recordCall(staff, JournalAction.CALL_UPDATED, changed.call(), changed.changes());
            return CallViews.over(people).of(changed.call());
        });
    }

    private Person person(StaffActor staff, UserId id) {
        return people.person(staff.tenant(), id)
                .orElseThrow(
                        () -> ValidationFailed.of("assignee_id", "must be an active agent or admin of the tenant"));
    }
}
