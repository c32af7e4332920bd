package org.supportdesk.domain.ticket;

import java.util.Set;
import java.util.stream.Collectors;
import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** A status change the §4 table refuses; carries where the ticket may go instead. */
public final class InvalidTransition extends DomainException {
    private final TicketStatus from;
    private final TicketStatus to;
    private final Set<TicketStatus> allowedTargets;

    public InvalidTransition(TicketStatus from, TicketStatus to, Set<TicketStatus> allowedTargets) {
        super(ProblemCode.INVALID_TRANSITION, describe(from, to, allowedTargets));
        this.from = from;
        this.to = to;
        this.allowedTargets = Set.copyOf(allowedTargets);
    }

    public TicketStatus from() {
        return from;
    }

    public TicketStatus to() {
        return to;
    }

    public Set<TicketStatus> allowedTargets() {
        return allowedTargets;
    }

    private static String describe(TicketStatus from, TicketStatus to, Set<TicketStatus> allowed) {
        String targets = allowed.isEmpty()
                ? "none"
                : allowed.stream().sorted().map(TicketStatus::wireName).collect(Collectors.joining(", "));
        return "A ticket cannot move from " + from.wireName() + " to " + to.wireName() + "; allowed: " + targets;
    }
}
