package org.supportdesk.application.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.FollowUpRequired;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.TicketClosed;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;
import org.supportdesk.domain.visibility.CustomerMessageView;

class ReplyToTicketTest extends UseCaseTest {

    @Test
    void the_first_public_staff_reply_answers_the_ticket_and_starts_work() {
        TicketState ticket = aTicket();
        core.clock.advance(Duration.ofMinutes(7));

        ReplyToTicket.Posted posted = reply(acme.agentActor(), ticket.id(), "On it");

        TicketState after = posted.ticket();
        assertThat(after.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(after.sla().firstRespondedAt()).contains(core.clock.instant());
        assertThat(after.messagesCount()).isEqualTo(2);
        assertThat(after.version()).isEqualTo(2);
        assertThat(conversationOf(ticket))
                .extracting(Message::kind, Message::customerVisible)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MessageKind.PUBLIC, true),
                        org.assertj.core.groups.Tuple.tuple(MessageKind.SYSTEM, true));
        assertThat(journalOf(ticket))
                .containsExactly(
                        JournalAction.TICKET_FILED,
                        JournalAction.MESSAGE_POSTED,
                        JournalAction.STATUS_CHANGED,
                        JournalAction.MESSAGE_POSTED);
        assertThat(topics())
                .containsExactly(
                        NotificationTopic.TICKET_CREATED,
                        NotificationTopic.STAFF_REPLIED,
                        NotificationTopic.STATUS_CHANGED);
        assertThat(core.outbox.intents().get(1).audiences())
                .containsExactlyInAnyOrder(Audience.REQUESTER, Audience.WEBHOOKS);
    }

    @Test
    void later_staff_replies_keep_the_first_response_time() {
        TicketState ticket = aTicket();
        reply(acme.agentActor(), ticket.id(), "First");
        var firstAnswer = core.clock.instant();
        core.clock.advance(Duration.ofHours(1));

        TicketState after = reply(acme.adminActor(), ticket.id(), "Second").ticket();

        assertThat(after.sla().firstRespondedAt()).contains(firstAnswer);
    }

    @Test
    void a_customer_reply_on_waiting_on_customer_resumes_work_and_tells_the_assignee_or_all_agents() {
        TicketState ticket = aTicketIn(TicketStatus.WAITING_ON_CUSTOMER);

        customerReply(acme.customerActor(), ticket.id(), "Here is the log");
        TicketState after = stored(ticket);

        assertThat(after.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(core.outbox.intents())
                .filteredOn(i -> i.topic() == NotificationTopic.CUSTOMER_REPLIED)
                .singleElement()
                .satisfies(i ->
                        assertThat(i.audiences()).containsExactlyInAnyOrder(Audience.ALL_AGENTS, Audience.WEBHOOKS));
    }

    @Test
    void an_organisation_colleague_may_reply_on_a_shared_ticket() {
        TicketState ticket = aTicket();

        CustomerMessageView posted = customerReply(acme.asCustomer(acme.colleague), ticket.id(), "Same here");

        assertThat(posted.authorName()).isEqualTo(acme.colleague.name());
        assertThat(conversationOf(ticket)
                        .get(conversationOf(ticket).size() - 1)
                        .author()
                        .id())
                .contains(acme.colleague.id());
    }

    @Test
    void a_customer_reply_reopens_a_resolved_ticket_within_the_window_and_clears_resolved_at() {
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);
        core.clock.advance(Duration.ofDays(7));

        customerReply(acme.customerActor(), ticket.id(), "It is back");
        TicketState after = stored(ticket);

        assertThat(after.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(after.sla().resolvedAt()).isEmpty();
    }

    @Test
    void a_customer_reply_after_the_reopen_window_requires_a_follow_up_and_changes_nothing() {
        TicketState ticket = aTicketIn(TicketStatus.RESOLVED);
        core.clock.advance(Duration.ofDays(7).plusSeconds(1));
        int journalSize = core.journal.all().size();

        assertThatThrownBy(() -> customerReply(acme.customerActor(), ticket.id(), "It is back"))
                .isInstanceOfSatisfying(
                        FollowUpRequired.class, e -> assertThat(e.ticket()).isEqualTo(ticket.id()));
        assertThat(core.journal.all()).hasSize(journalSize);
        assertThat(conversationOf(ticket)).noneMatch(m -> m.body().value().equals("It is back"));
    }

    @Test
    void nobody_replies_on_a_closed_ticket_staff_included() {
        TicketState ticket = aTicketIn(TicketStatus.CLOSED);

        assertThatThrownBy(() -> customerReply(acme.customerActor(), ticket.id(), "Hello?"))
                .isInstanceOf(TicketClosed.class);
        assertThatThrownBy(() -> reply(acme.agentActor(), ticket.id(), "Hello?"))
                .isInstanceOf(TicketClosed.class);
        assertThatThrownBy(() -> note(ticket.id(), "Hello?")).isInstanceOf(TicketClosed.class);
    }

    @Test
    void other_customers_and_other_tenants_are_told_the_ticket_does_not_exist() {
        TicketState ticket = aTicket();

        assertThatThrownBy(() -> customerReply(acme.asCustomer(acme.otherCustomer), ticket.id(), "Hi"))
                .isInstanceOf(TicketNotFound.class);
        assertThatThrownBy(() -> reply(globex.agentActor(), ticket.id(), "Hi")).isInstanceOf(TicketNotFound.class);
        assertThatThrownBy(() -> customerReply(globex.customerActor(), ticket.number(), "Hi"))
                .isInstanceOf(TicketNotFound.class);
    }

    @Test
    void a_staff_reply_can_mark_the_resolution() {
        TicketState ticket = aTicket();

        // A customer cannot even ask: ReplyAsCustomer has no resolution flag, and the aggregate refuses one too.
        ReplyToTicket.Posted posted = core.desk()
                .replyToTicket()
                .handle(new ReplyToTicket.Command(
                        acme.agentActor(), ticket.id(), new Body("Reinstall"), Via.API, true, Optional.empty()));
        assertThat(posted.message().resolution()).isTrue();
        assertThat(posted.ticket().status()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void a_reply_against_a_stale_version_is_refused() {
        TicketState ticket = aTicket();
        reply(acme.agentActor(), ticket.id(), "First");

        assertThatThrownBy(() -> core.desk()
                        .replyToTicket()
                        .handle(new ReplyToTicket.Command(
                                acme.agentActor(), ticket.id(), new Body("Again"), Via.API, false, Optional.of(1L))))
                .isInstanceOf(StaleTicket.class);
    }

    @Test
    void the_ticket_is_found_by_its_number_too() {
        TicketState ticket = aTicket();

        assertThat(reply(acme.agentActor(), ticket.number(), "By number")
                        .ticket()
                        .id())
                .isEqualTo(ticket.id());
    }
}
