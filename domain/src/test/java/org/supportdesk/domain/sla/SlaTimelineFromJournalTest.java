package org.supportdesk.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.MessagePosted;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.StatusChanged;
import org.supportdesk.domain.ticket.TicketEvent;
import org.supportdesk.domain.ticket.TicketField;
import org.supportdesk.domain.ticket.TicketFiled;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.TicketUpdated;
import org.supportdesk.domain.ticket.Trigger;

/** {@link SlaTimeline#fromJournal} reads the journal entries exactly as the aggregate's events encode them. */
class SlaTimelineFromJournalTest {
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final TicketId TICKET = new TicketId(UUID.randomUUID());
    private static final Author AGENT = Author.person(new UserId(UUID.randomUUID()), "Ada", Role.AGENT);
    private static final Author CUSTOMER = Author.person(new UserId(UUID.randomUUID()), "Cy", Role.CUSTOMER);

    private static Instant at(int minute) {
        return Instant.parse("2026-03-02T10:00:00Z").plusSeconds(60L * minute);
    }

    private static JournalEntry journal(TicketEvent event) {
        return new JournalEntry(
                UUID.randomUUID(),
                event.tenant(),
                event.by(),
                event.action(),
                TargetKind.TICKET,
                event.ticket().value(),
                event.changes(),
                "corr",
                event.at());
    }

    private static JournalEntry message(Author by, int minute, MessageKind kind) {
        return journal(new MessagePosted(
                TENANT, TICKET, by, at(minute), new MessageId(UUID.randomUUID()), kind, kind == MessageKind.PUBLIC));
    }

    private static JournalEntry status(int minute, TicketStatus from, TicketStatus to) {
        return journal(new StatusChanged(TENANT, TICKET, AGENT, at(minute), from, to, Trigger.STAFF, Optional.empty()));
    }

    @Test
    void reads_filing_status_priority_and_the_first_public_staff_reply() {
        List<JournalEntry> entries = new ArrayList<>();
        entries.add(journal(new TicketFiled(TENANT, TICKET, CUSTOMER, at(0), Priority.HIGH)));
        entries.add(message(CUSTOMER, 1, MessageKind.PUBLIC));
        entries.add(message(AGENT, 2, MessageKind.INTERNAL));
        entries.add(message(Author.SYSTEM, 3, MessageKind.SYSTEM));
        entries.add(journal(new TicketUpdated(TENANT, TICKET, AGENT, at(4), TicketField.SUBJECT, "Old", "New")));
        entries.add(journal(new TicketUpdated(TENANT, TICKET, AGENT, at(5), TicketField.PRIORITY, "high", "urgent")));
        entries.add(message(AGENT, 6, MessageKind.PUBLIC));
        entries.add(status(6, TicketStatus.NEW, TicketStatus.IN_PROGRESS));
        entries.add(message(AGENT, 7, MessageKind.PUBLIC));
        entries.add(new JournalEntry(
                UUID.randomUUID(),
                TENANT,
                AGENT,
                JournalAction.TICKET_ASSIGNED,
                TargetKind.TICKET,
                TICKET.value(),
                List.of(FieldChange.of("assignee_id", null, "x")),
                "corr",
                at(8)));
        entries.add(status(9, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_CUSTOMER));

        SlaTimeline timeline = SlaTimeline.fromJournal(entries);

        assertThat(timeline.facts())
                .containsExactly(
                        new SlaTimeline.Filed(at(0), Priority.HIGH),
                        new SlaTimeline.PriorityChanged(at(5), Priority.URGENT),
                        new SlaTimeline.FirstPublicStaffReply(at(6)),
                        new SlaTimeline.StatusEntered(at(6), TicketStatus.IN_PROGRESS),
                        new SlaTimeline.StatusEntered(at(9), TicketStatus.WAITING_ON_CUSTOMER));
    }

    @Test
    void a_journal_without_filing_is_refused() {
        assertThatThrownBy(() -> SlaTimeline.fromJournal(List.of(status(1, TicketStatus.NEW, TicketStatus.ON_HOLD))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filed");
    }

    @Test
    void facts_must_not_go_back_in_time() {
        assertThatThrownBy(() -> SlaTimeline.filed(at(5), Priority.LOW).statusChanged(at(4), TicketStatus.ON_HOLD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time order");
    }
}
