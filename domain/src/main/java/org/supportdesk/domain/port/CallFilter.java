package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.port.TicketFilter.AssigneeFilter;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.UserId;

/**
 * The filters of a list of call-back requests; an empty set or absent value does not filter. {@code requester} narrows
 * it to one customer's own requests (the portal's list). The due window is on {@link
 * org.supportdesk.domain.call.CallRequest#dueAt()}: {@code dueFrom} inclusive, {@code dueTo} exclusive.
 */
public record CallFilter(
        Optional<UserId> requester,
        Set<CallStatus> statuses,
        AssigneeFilter assignee,
        Optional<Instant> dueFrom,
        Optional<Instant> dueTo) {
    public static final CallFilter ALL =
            new CallFilter(Optional.empty(), Set.of(), AssigneeFilter.ANY, Optional.empty(), Optional.empty());

    public CallFilter {
        Objects.requireNonNull(requester, "requester");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(dueFrom, "dueFrom");
        Objects.requireNonNull(dueTo, "dueTo");
        if (dueFrom.isPresent() && dueTo.isPresent() && !dueFrom.get().isBefore(dueTo.get())) {
            throw ValidationFailed.of("due_to", "must be after due_from");
        }
    }

    /** The requests of one customer. */
    public static CallFilter of(UserId requester) {
        return new CallFilter(Optional.of(requester), Set.of(), AssigneeFilter.ANY, Optional.empty(), Optional.empty());
    }
}
