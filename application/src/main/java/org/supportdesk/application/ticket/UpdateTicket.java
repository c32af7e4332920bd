package org.supportdesk.application.ticket;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.ChangedTicket;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.ChangeContext;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * Staff change several things of a ticket at once (§10 PATCH): fields first, then the assignee, then the status, all
 * in one unit of work. Values equal to the current ones are no change; a request that changes nothing is refused.
 */
public final class UpdateTicket {
    /** A requested assignee: a person, or nobody (unassign). */
    public record Assignment(Optional<UserId> assignee) {
        public Assignment {
            Objects.requireNonNull(assignee, "assignee");
        }
    }

    /** Each absent component leaves that part of the ticket alone. */
    public record Command(
            StaffActor actor,
            TicketRef ticket,
            Optional<Subject> subject,
            Optional<Priority> priority,
            Optional<Category> category,
            Optional<Tags> tags,
            Optional<CustomFields> customFields,
            Optional<Assignment> assignment,
            Optional<TicketStatus> status,
            Optional<Long> expectedVersion) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(tags, "tags");
            Objects.requireNonNull(customFields, "customFields");
            Objects.requireNonNull(assignment, "assignment");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    private final TicketChanges changes;
    private final People people;
    private final TenantConfiguration configuration;

    public UpdateTicket(TicketChanges changes, People people, TenantConfiguration configuration) {
        this.changes = changes;
        this.people = people;
        this.configuration = configuration;
    }

    public ChangedTicket handle(Command command) {
        return changes.changeForStaff(
                command.actor(), command.ticket(), command.expectedVersion(), (ticket, context) -> {
                    // Inside the unit of work: the tenant's categories are only visible in a transaction bound to it.
                    command.category().ifPresent(category -> {
                        if (!configuration.settings(command.actor().tenant()).offers(category)) {
                            throw ValidationFailed.of("category", "is not one of the tenant's categories");
                        }
                    });
                    TicketChanges.requireChanged(apply(command, ticket, context), ticket);
                });
    }

    private boolean apply(Command command, Ticket ticket, ChangeContext context) {
        boolean changed = false;
        // Evaluate each change even after one succeeded: '|' not '||'.
        changed |= command.subject().map(s -> ticket.changeSubject(s, context)).orElse(false);
        changed |=
                command.priority().map(p -> ticket.changePriority(p, context)).orElse(false);
        changed |=
                command.category().map(c -> ticket.changeCategory(c, context)).orElse(false);
        changed |= command.tags().map(t -> ticket.replaceTags(t, context)).orElse(false);
        changed |= command.customFields()
                .map(f -> ticket.changeCustomFields(f, context))
                .orElse(false);
        changed |= command.assignment()
                .map(a -> ticket.assign(
                        AssignTicket.resolve(people, command.actor().tenant(), a.assignee()), context))
                .orElse(false);
        changed |= command.status()
                .map(s -> ticket.changeStatus(s, Optional.empty(), context))
                .orElse(false);
        return changed;
    }
}
