package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.ChangedTicket;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketRef;

/** Staff give a ticket to an active agent or admin, or unassign it with an empty assignee (§10). */
public final class AssignTicket {
    public record Command(
            StaffActor actor, TicketRef ticket, Optional<UserId> assignee, Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(assignee, "assignee");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    private final TicketChanges changes;
    private final People people;

    public AssignTicket(TicketChanges changes, People people) {
        this.changes = changes;
        this.people = people;
    }

    public ChangedTicket handle(Command command) {
        return changes.changeForStaff(
                command.actor(), command.ticket(), command.expectedVersion(), (ticket, context) -> {
                    Optional<Person> assignee = resolve(people, command.actor().tenant(), command.assignee());
                    TicketChanges.requireChanged(ticket.assign(assignee, context), ticket);
                });
    }

    /** The person an assignee id names in the tenant; an unknown id is invalid input, like a deactivated one (§17). */
    static Optional<Person> resolve(People people, TenantId tenant, Optional<UserId> assignee) {
        return assignee.map(id -> people.person(tenant, id)
                .orElseThrow(
                        () -> ValidationFailed.of("assignee_id", "must be an active agent or admin of the tenant")));
    }
}
