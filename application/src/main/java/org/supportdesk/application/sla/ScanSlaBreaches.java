package org.supportdesk.application.sla;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.application.work.TicketSlaClocks;
import org.supportdesk.domain.port.SlaBreachCandidates;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.sla.ClockState;
import org.supportdesk.domain.sla.SlaClock;
import org.supportdesk.domain.sla.SlaExplanation;
import org.supportdesk.domain.tenant.SystemActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.SlaTarget;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.TicketId;

/**
 * Finds a tenant's newly breached SLA targets and records each breach once (§7): the ticket is escalated with a reason
 * naming the target, and the assignee and admins are notified. Each candidate is recomputed and changed in its own
 * transaction; running the scan again changes nothing, and paused clocks are never candidates.
 */
public final class ScanSlaBreaches {
    public record Command(TenantId tenant, int batchSize) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive");
            }
        }
    }

    private final SlaBreachCandidates candidates;
    private final TicketSlaClocks clocks;
    private final TicketChanges changes;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public ScanSlaBreaches(
            SlaBreachCandidates candidates,
            TicketSlaClocks clocks,
            TicketChanges changes,
            TransactionRunner transactions,
            InstantSource clock) {
        this.candidates = candidates;
        this.clocks = clocks;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Works through every candidate due by the scan's start, {@code batchSize} at a time, and answers how many breaches
     * were recorded. Each candidate handled leaves the candidates (its breach recorded, or its cached due time
     * refreshed to a later one or none), so the next batch brings the next ones; one it could not change (someone else
     * changed it meanwhile) is not taken again in this scan, and a batch that brings only such tickets ends it.
     */
    public int handle(Command command) {
        SystemActor system = new SystemActor(command.tenant());
        Instant now = clock.instant();
        Set<TicketId> taken = new HashSet<>();
        int recorded = 0;
        List<TicketId> due;
        do {
            due = transactions.inTransaction(
                    command.tenant(), () -> candidates.dueAtOrBefore(command.tenant(), now, command.batchSize()));
            List<TicketId> fresh = due.stream().filter(taken::add).toList();
            if (fresh.isEmpty()) {
                break;
            }
            for (TicketId id : fresh) {
                recorded += recordBreaches(system, id);
            }
        } while (due.size() == command.batchSize());
        return recorded;
    }

    private int recordBreaches(SystemActor system, TicketId id) {
        try {
            return changes.changeWithResult(system, id, Optional.empty(), (ticket, context) -> {
                        SlaExplanation explanation = clocks.explain(ticket.state(), context.at());
                        int breaches = 0;
                        for (SlaTarget target : SlaTarget.values()) {
                            SlaClock slaClock = explanation.clock(target);
                            if (slaClock.state() == ClockState.BREACHED
                                    && ticket.recordBreach(
                                            target, slaClock.breachedAt().orElseThrow(), context)) {
                                breaches++;
                            }
                        }
                        return breaches;
                    })
                    .result();
        } catch (StaleTicket changedMeanwhile) {
            return 0; // someone changed it since it was listed; the next scan recomputes it
        }
    }
}
