package org.supportdesk.domain.call;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.tenant.Person;

/** What staff change on a call-back request (§10 PATCH); an absent part leaves that part alone. */
public record CallChange(
        Optional<CallStatus> status,
        Optional<Assignment> assignee,
        Optional<Instant> scheduledAt,
        Optional<CallOutcome> outcome) {
    public CallChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A requested assignee: a person of the tenant, or nobody (unassign). */
    public record Assignment(Optional<Person> person) {
        public Assignment {
            Objects.requireNonNull(person, "person");
        }
    }
}
