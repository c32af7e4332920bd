package org.supportdesk.application.work;

import java.time.Instant;
import java.util.List;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.sla.SlaCalculator;
import org.supportdesk.domain.sla.SlaExplanation;
import org.supportdesk.domain.sla.SlaTimeline;
import org.supportdesk.domain.ticket.TicketState;

/** A ticket's SLA clocks, computed from its journal under the policy and calendar versions it remembers (§7). */
public final class TicketSlaClocks {
    private final SlaSettings settings;
    private final Journal journal;

    public TicketSlaClocks(SlaSettings settings, Journal journal) {
        this.settings = settings;
        this.journal = journal;
    }

    /** The clocks as of {@code now}, from the ticket's stored journal. */
    public SlaExplanation explain(TicketState ticket, Instant now) {
        return explain(ticket, journal.entriesAbout(ticket.tenant(), ticket.id().value()), now);
    }

    /** The clocks as of {@code now}, from the given history of the ticket (oldest first). */
    public SlaExplanation explain(TicketState ticket, List<JournalEntry> history, Instant now) {
        return SlaCalculator.explain(
                settings.policy(ticket.tenant(), ticket.sla().policyVersion()),
                settings.calendar(ticket.tenant(), ticket.sla().calendarVersion()),
                SlaTimeline.fromJournal(history),
                now);
    }
}
