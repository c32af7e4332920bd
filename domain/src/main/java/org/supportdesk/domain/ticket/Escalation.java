package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.Objects;
import org.supportdesk.domain.problem.Validation;

/** Why and since when a ticket is escalated. */
public record Escalation(Instant at, String reason) {
    public static final int MAX_REASON_LENGTH = 1_000;

    public Escalation {
        Objects.requireNonNull(at, "at");
        reason = Validation.trimmed("reason", reason, 1, MAX_REASON_LENGTH);
    }
}
