package org.supportdesk.application.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.call.RequestCallBack;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.sla.ScanSlaBreaches;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.CloseOwnTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicketForCustomer;
import org.supportdesk.application.ticket.GiveFeedback;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.NotificationId;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.port.NotificationNotFound;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/**
 * The in-app channel over the in-memory core: every row of §13's "who hears what", as who got a notification and who
 * did not (acme's cast: Carla the requester, Colin her organisation-mate, Oscar another customer, Agnes an agent, Adam
 * an admin, Dora a deactivated agent); then reading them.
 */
class InAppNotificationsTest extends UseCaseTest {

    @Test
    void a_ticket_filed_by_a_customer_tells_every_active_staff_member_and_no_customer() {
        TicketState ticket = aTicket();

        assertThat(heard(ticket, NotificationTopic.TICKET_CREATED))
                .containsExactlyInAnyOrder(id(acme.agent), id(acme.admin));
        assertThat(everyoneWhoHeard()).doesNotContain(customersAndDora());
        assertThat(core.notifications.all()).allSatisfy(n -> {
            assertThat(n.title()).isEqualTo("Printer on fire");
            assertThat(n.ticketNumber()).contains(ticket.number());
            assertThat(n.createdAt()).isEqualTo(ticket.createdAt());
            assertThat(n.readAt()).isEmpty();
        });
    }

    @Test
    void a_ticket_filed_by_staff_for_a_customer_tells_the_other_staff_not_the_filer_nor_the_customer() {
        core.desk()
                .fileTicketForCustomer()
                .handle(new FileTicketForCustomer.Command(
                        acme.agentActor(),
                        FileTicketForCustomer.Requester.byId(acme.customer.id()),
                        new Subject("Called about invoices"),
                        new Description("Customer phoned in"),
                        new Category("billing"),
                        Priority.MEDIUM,
                        TicketSource.PHONE,
                        CustomFields.EMPTY,
                        Optional.empty()));

        assertThat(everyoneWhoHeard()).containsExactly(id(acme.admin));
    }

    @Test
    void a_customer_reply_on_an_unassigned_ticket_tells_all_agents() {
        TicketState ticket = aTicket();
        clear();

        customerReply(acme.customerActor(), ticket.id(), "Still smoking");

        assertThat(heard(ticket, NotificationTopic.CUSTOMER_REPLIED))
                .containsExactlyInAnyOrder(id(acme.agent), id(acme.admin));
        assertThat(everyoneWhoHeard()).doesNotContain(customersAndDora());
    }

    @Test
    void a_customer_reply_on_an_assigned_ticket_tells_the_assignee_only() {
        TicketState ticket = assignedToAgnes();
        clear();

        customerReply(acme.asCustomer(acme.colleague), ticket.id(), "Colin here: same problem");

        assertThat(everyoneWhoHeard()).containsExactly(id(acme.agent));
        assertThat(heard(ticket, NotificationTopic.CUSTOMER_REPLIED)).containsExactly(id(acme.agent));
    }

    @Test
    void a_staff_public_reply_tells_the_requester_only_not_the_organisation_mate_nor_staff() {
        TicketState ticket = assignedToAgnes();
        clear();

        reply(acme.agentActor(), ticket.id(), "We are on it");

        assertThat(heard(ticket, NotificationTopic.STAFF_REPLIED)).containsExactly(id(acme.customer));
        assertThat(everyoneWhoHeard()).doesNotContain(id(acme.colleague), id(acme.admin), id(acme.agent));
    }

    @Test
    void an_internal_note_tells_the_assignee_only_and_never_a_customer() {
        TicketState ticket = assignedToAgnes();
        clear();

        adminNote(ticket, "Customer owes us money");

        assertThat(everyoneWhoHeard()).containsExactly(id(acme.agent));
        assertThat(core.notifications.all()).singleElement().satisfies(n -> {
            assertThat(n.topic()).isEqualTo(NotificationTopic.INTERNAL_NOTE_ADDED);
            assertThat(n.title()).doesNotContain("money");
        });
    }

    @Test
    void an_internal_note_on_an_unassigned_ticket_tells_nobody() {
        TicketState ticket = aTicket();
        clear();

        note(ticket.id(), "Looks like a hardware fault");

        assertThat(core.notifications.all()).isEmpty();
    }

    @Test
    void a_thousand_internal_notes_on_a_customers_ticket_give_the_customer_nothing() {
        TicketState ticket = assignedToAgnes();
        clear();

        for (int i = 0; i < 1_000; i++) {
            adminNote(ticket, "Note " + i);
        }

        assertThat(core.notifications.all()).hasSize(1_000).allSatisfy(n -> assertThat(n.recipient())
                .isEqualTo(acme.agent.id()));
        for (Person customer : List.of(acme.customer, acme.colleague, acme.otherCustomer)) {
            assertThat(list(acme.asCustomer(customer), false).page().total()).isZero();
        }
    }

    @Test
    void a_status_change_tells_the_requester_but_not_when_the_requester_made_it() {
        TicketState ticket = aTicket();
        clear();

        moveTo(ticket.id(), TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(everyoneWhoHeard()).containsExactly(id(acme.customer));
        assertThat(heard(ticket, NotificationTopic.STATUS_CHANGED)).containsExactly(id(acme.customer));

        clear();
        core.portal()
                .closeOwnTicket()
                .handle(new CloseOwnTicket.Command(
                        acme.customerActor(), ticket.id(), Optional.empty(), Optional.empty()));
        assertThat(core.notifications.all()).isEmpty();
    }

    @Test
    void a_call_request_tells_all_agents() {
        TicketState ticket = aTicket();
        clear();

        core.portal()
                .requestCallBack()
                .handle(new RequestCallBack.Command(
                        acme.customerActor(),
                        Optional.empty(),
                        Optional.of(ticket.id()),
                        Optional.empty(),
                        Optional.empty()));
        core.portal()
                .requestCallBack()
                .handle(new RequestCallBack.Command(
                        acme.asCustomer(acme.otherCustomer),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));

        List<Notification> calls = core.notifications.all();
        assertThat(calls).hasSize(4).allSatisfy(n -> {
            assertThat(n.topic()).isEqualTo(NotificationTopic.CALL_REQUESTED);
            assertThat(n.call()).isPresent();
        });
        assertThat(everyoneWhoHeard()).containsExactlyInAnyOrder(id(acme.agent), id(acme.admin));
        assertThat(calls)
                .filteredOn(n -> n.ticket().isPresent())
                .extracting(Notification::title)
                .containsOnly("Printer on fire");
        assertThat(calls)
                .filteredOn(n -> n.ticket().isEmpty())
                .extracting(Notification::title)
                .containsOnly("Call back requested by Oscar");
    }

    @Test
    void feedback_tells_the_admins_only() {
        TicketState ticket = assignedToAgnes();
        moveTo(ticket.id(), TicketStatus.RESOLVED);
        clear();

        core.portal()
                .giveFeedback()
                .handle(new GiveFeedback.Command(acme.customerActor(), ticket.id(), new Rating(5), Optional.empty()));

        assertThat(everyoneWhoHeard()).containsExactly(id(acme.admin));
        assertThat(heard(ticket, NotificationTopic.FEEDBACK_GIVEN)).containsExactly(id(acme.admin));
    }

    @Test
    void an_escalation_tells_the_assignee_and_the_admins_but_not_whoever_escalated() {
        TicketState ticket = assignedToAgnes();
        clear();

        core.desk()
                .escalateTicket()
                .handle(new EscalateTicket.Command(acme.agentActor(), ticket.id(), "VIP customer", Optional.empty()));
        assertThat(everyoneWhoHeard()).containsExactly(id(acme.admin));
        assertThat(heard(ticket, NotificationTopic.TICKET_ESCALATED)).containsExactly(id(acme.admin));

        TicketState other = assignedToAgnes();
        clear();
        core.desk()
                .escalateTicket()
                .handle(new EscalateTicket.Command(acme.adminActor(), other.id(), "VIP customer", Optional.empty()));
        assertThat(everyoneWhoHeard()).containsExactly(id(acme.agent));
    }

    @Test
    void an_sla_breach_tells_the_assignee_and_the_admins_and_no_customer() {
        TicketState ticket = assignedToAgnes();
        clear();
        core.clock.advance(Duration.ofDays(30));

        core.useCases.scheduled().scanSlaBreaches().handle(new ScanSlaBreaches.Command(acme.tenant, 100));

        assertThat(heard(ticket, NotificationTopic.SLA_BREACHED))
                .containsExactlyInAnyOrder(id(acme.agent), id(acme.admin));
        assertThat(everyoneWhoHeard()).doesNotContain(customersAndDora());
        assertThat(heard(ticket, NotificationTopic.TICKET_ESCALATED)).isEmpty();
    }

    @Test
    void a_rolled_back_change_leaves_no_notification() {
        TicketState ticket = assignedToAgnes();
        clear();

        assertThatThrownBy(() -> core.useCases
                        .changes()
                        .change(acme.adminActor(), ticket.id(), Optional.empty(), (t, context) -> {
                            t.reply(new Body("Saved and notified, then it fails"), Via.API, false, null, context);
                            core.useCases.changes().record(t);
                            assertThat(core.notifications.all()).isNotEmpty();
                            throw new IllegalStateException("boom after the notification");
                        }))
                .hasMessage("boom after the notification");

        assertThat(core.notifications.all()).isEmpty();
    }

    @Test
    void notifications_are_written_in_their_tenant_only() {
        aTicket();

        assertThat(core.notifications.all())
                .allSatisfy(n -> assertThat(n.tenant()).isEqualTo(acme.tenant));
        assertThat(list(globex.agentActor(), false).page().total()).isZero();
    }

    @Test
    void a_recipient_lists_their_own_newest_first_filters_unread_and_pages() {
        TicketState first = aTicket();
        core.clock.advance(Duration.ofMinutes(1));
        TicketState second = aTicket();
        core.clock.advance(Duration.ofMinutes(1));
        customerReply(acme.customerActor(), first.id(), "Any news?");

        ListNotifications.Listed all = list(acme.agentActor(), false);
        assertThat(all.page().items())
                .extracting(Notification::topic)
                .containsExactly(
                        NotificationTopic.CUSTOMER_REPLIED,
                        NotificationTopic.TICKET_CREATED,
                        NotificationTopic.TICKET_CREATED);
        assertThat(all.page().items().get(1).ticket()).contains(second.id());
        assertThat(all.unreadCount()).isEqualTo(3);

        Notification newest = all.page().items().get(0);
        Notification read = read(acme.agentActor(), newest.id());
        assertThat(read.readAt()).contains(core.clock.instant());
        core.clock.advance(Duration.ofMinutes(1));
        assertThat(read(acme.agentActor(), newest.id())).isEqualTo(read);

        ListNotifications.Listed unread = list(acme.agentActor(), true);
        assertThat(unread.page().items())
                .extracting(Notification::topic)
                .containsOnly(NotificationTopic.TICKET_CREATED);
        assertThat(unread.unreadCount()).isEqualTo(2);
        assertThat(core.desk()
                        .listNotifications()
                        .handle(new ListNotifications.Command(acme.agentActor(), false, new PageRequest(2, 2)))
                        .page()
                        .items())
                .hasSize(1);

        assertThat(core.desk().readAllNotifications().handle(new ReadAllNotifications.Command(acme.agentActor())))
                .isEqualTo(2);
        assertThat(core.desk().readAllNotifications().handle(new ReadAllNotifications.Command(acme.agentActor())))
                .isZero();
        assertThat(list(acme.agentActor(), true).page().items()).isEmpty();
        assertThat(list(acme.adminActor(), true).unreadCount()).isEqualTo(3);
    }

    @Test
    void someone_elses_another_tenants_and_a_missing_notification_are_the_same_not_found() {
        aTicket();
        Notification agnes = list(acme.agentActor(), false).page().items().get(0);

        for (Actor stranger : List.<Actor>of(acme.adminActor(), acme.customerActor(), globex.agentActor())) {
            assertThatThrownBy(() -> read(stranger, agnes.id()))
                    .isInstanceOf(NotificationNotFound.class)
                    .hasMessage("No such notification");
        }
        assertThatThrownBy(() -> read(acme.agentActor(), new NotificationId(UUID.randomUUID())))
                .isInstanceOf(NotificationNotFound.class)
                .hasMessage("No such notification");
        assertThat(list(acme.agentActor(), true).page().items()).containsExactly(agnes);
    }

    @Test
    void retention_purges_read_ones_after_ninety_days_and_any_after_a_year() {
        aTicket();
        read(
                acme.agentActor(),
                list(acme.agentActor(), false).page().items().get(0).id());
        PurgeOldNotifications purge = core.useCases.scheduled().purgeOldNotifications();

        core.clock.advance(PurgeOldNotifications.READ_RETENTION);
        assertThat(purge.handle(new PurgeOldNotifications.Command(acme.tenant, 100)))
                .isZero();
        core.clock.advance(Duration.ofSeconds(1));
        assertThat(purge.handle(new PurgeOldNotifications.Command(acme.tenant, 100)))
                .isEqualTo(1);
        assertThat(list(acme.adminActor(), false).page().total()).isEqualTo(1);

        core.clock.advance(PurgeOldNotifications.UNREAD_RETENTION);
        assertThat(purge.handle(new PurgeOldNotifications.Command(acme.tenant, 100)))
                .isEqualTo(1);
        assertThat(core.notifications.all()).isEmpty();
    }

    private TicketState assignedToAgnes() {
        TicketState ticket = aTicket();
        return core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(
                        acme.adminActor(), ticket.id(), Optional.of(acme.agent.id()), Optional.empty()))
                .ticket();
    }

    private void adminNote(TicketState ticket, String body) {
        core.desk()
                .addInternalNote()
                .handle(new AddInternalNote.Command(
                        acme.adminActor(), ticket.id(), new Body(body), Via.API, Optional.empty()));
    }

    private ListNotifications.Listed list(Actor actor, boolean unreadOnly) {
        return core.desk()
                .listNotifications()
                .handle(new ListNotifications.Command(actor, unreadOnly, new PageRequest(1, 100)));
    }

    private Notification read(Actor actor, NotificationId id) {
        return core.portal().readNotification().handle(new ReadNotification.Command(actor, id));
    }

    /** Forgets the notifications written so far, so a test looks at what one step wrote. */
    private void clear() {
        core.read(
                acme.tenant,
                () -> core.notifications.purge(
                        acme.tenant,
                        core.clock.instant().plusSeconds(1),
                        core.clock.instant().plusSeconds(1),
                        Integer.MAX_VALUE));
    }

    private Set<UserId> heard(TicketState ticket, NotificationTopic topic) {
        return core.notifications.all().stream()
                .filter(n -> n.topic() == topic && n.ticket().equals(Optional.of(ticket.id())))
                .map(Notification::recipient)
                .collect(Collectors.toSet());
    }

    private Set<UserId> everyoneWhoHeard() {
        return core.notifications.all().stream().map(Notification::recipient).collect(Collectors.toSet());
    }

    private UserId[] customersAndDora() {
        return new UserId[] {id(acme.customer), id(acme.colleague), id(acme.otherCustomer), id(acme.deactivatedAgent)};
    }

    private static UserId id(Person person) {
        return person.id();
    }
}
