package org.supportdesk.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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

    @Test
    void an_entry_that_cannot_move_the_clocks_leaves_the_timeline_as_it_was() {
        // Seeded random histories: whenever canMoveClocks says an appended entry cannot move the clocks, the timeline
        // read with it equals the one read without it, so the due times cached from the latter still hold.
        SplittableRandom random = new SplittableRandom(20261202L);
        int skipped = 0;
        for (int history = 0; history < 500; history++) {
            List<JournalEntry> entries = new ArrayList<>();
            entries.add(journal(new TicketFiled(TENANT, TICKET, CUSTOMER, at(0), Priority.MEDIUM)));
            Optional<Instant> firstResponded = Optional.empty();
            for (int minute = 1; minute <= 12; minute++) {
                int at = minute - random.nextInt(2); // two entries share a minute now and then
                JournalEntry next =
                        switch (random.nextInt(6)) {
                            case 0 -> message(CUSTOMER, at, MessageKind.PUBLIC);
                            case 1 -> message(AGENT, at, MessageKind.PUBLIC);
                            case 2 -> message(AGENT, at, MessageKind.INTERNAL);
                            case 3 -> journal(
                                    new TicketUpdated(TENANT, TICKET, AGENT, at(at), TicketField.SUBJECT, "a", "b"));
                            case 4 -> journal(new TicketUpdated(
                                    TENANT, TICKET, AGENT, at(at), TicketField.PRIORITY, "low", "high"));
                            default -> status(at, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_CUSTOMER);
                        };
                if (firstResponded.isEmpty()
                        && next.actor().isStaff()
                        && next.action() == JournalAction.MESSAGE_POSTED
                        && next.changes().stream()
                                .anyMatch(c -> c.field().equals("kind")
                                        && c.after().filter("public"::equals).isPresent())) {
                    firstResponded = Optional.of(next.at());
                }
                List<SlaTimeline.Fact> before = SlaTimeline.fromJournal(entries).facts();
                entries.add(next);
                if (!SlaTimeline.canMoveClocks(next, firstResponded)) {
                    skipped++;
                    assertThat(SlaTimeline.fromJournal(entries).facts())
                            .as("%s", entries)
                            .isEqualTo(before);
                }
            }
        }
        assertThat(skipped).as("entries found unable to move the clocks").isGreaterThan(1_000);
    }

    @Test
    void the_first_public_staff_reply_status_and_priority_can_move_the_clocks_and_a_later_reply_cannot() {
        JournalEntry reply = message(AGENT, 3, MessageKind.PUBLIC);

        assertThat(SlaTimeline.canMoveClocks(reply, Optional.of(at(3)))).isTrue();
        assertThat(SlaTimeline.canMoveClocks(reply, Optional.of(at(2)))).isFalse();
        assertThat(SlaTimeline.canMoveClocks(status(3, TicketStatus.NEW, TicketStatus.ON_HOLD), Optional.of(at(1))))
                .isTrue();
        assertThat(SlaTimeline.canMoveClocks(
                        journal(new TicketUpdated(TENANT, TICKET, AGENT, at(3), TicketField.PRIORITY, "low", "high")),
                        Optional.empty()))
                .isTrue();
        assertThat(SlaTimeline.canMoveClocks(message(AGENT, 3, MessageKind.INTERNAL), Optional.empty()))
                .isFalse();
        assertThat(SlaTimeline.canMoveClocks(message(CUSTOMER, 3, MessageKind.PUBLIC), Optional.empty()))
                .isFalse();
    }
}
