package org.supportdesk.domain.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.ticket.SlaTarget;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * One clock's state and due time as a ticket's cached SLA columns tell it, for lists and ticket views where
 * recomputing every clock would cost too much. A running clock past its due time stays {@code running} until the
 * breach scan records it; {@link SlaCalculator} gives the exact answer.
 */
public record SlaSummary(ClockState state, Optional<Instant> dueAt) {
    public SlaSummary {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    public static SlaSummary of(TicketState ticket, SlaTarget target) {
        var sla = ticket.sla();
        Optional<Instant> due = target == SlaTarget.FIRST_RESPONSE ? sla.firstResponseDueAt() : sla.resolutionDueAt();
        if (sla.breachedAt(target).isPresent()) {
            return new SlaSummary(ClockState.BREACHED, due);
        }
        if (due.isPresent()) {
            return new SlaSummary(ClockState.RUNNING, due);
        }
        boolean stopped = target == SlaTarget.FIRST_RESPONSE
                || ticket.status() == TicketStatus.RESOLVED
                || ticket.status() == TicketStatus.CLOSED;
        return new SlaSummary(stopped ? ClockState.MET : ClockState.PAUSED, Optional.empty());
    }
}
