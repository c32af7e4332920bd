package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.NotificationId;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * What {@link Notifications} must do, whatever holds them: notifications round-trip whole; each recipient lists,
 * counts and marks only their own, newest first, with exact totals; reading is idempotent; someone else's or another
 * tenant's notification is never found; retention deletes old read ones and very old ones only. An adapter's test
 * extends this and supplies the store.
 */
public abstract class NotificationsContract {
    private final UUID run = UUID.randomUUID();
    protected final TenantFixture acme = new TenantFixture("acme-" + run);
    protected final TenantFixture globex = new TenantFixture("globex-" + run);
    private final Instant t0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    private int minutes;

    protected abstract Notifications notifications();

    protected abstract TransactionRunner transactions();

    /** Makes the tenant and its people known to the store. */
    protected abstract void givenTenant(TenantFixture tenant);

    @BeforeEach
    void knowBothTenants() {
        givenTenant(acme);
        givenTenant(globex);
    }

    @Test
    void a_notification_round_trips_whole_about_a_ticket_or_a_call() {
        Notification aboutTicket = stored(acme, acme.agent, NotificationTopic.CUSTOMER_REPLIED);
        Notification aboutCall = store(
                acme,
                new Notification(
                        new NotificationId(UUID.randomUUID()),
                        acme.tenant,
                        acme.agent.id(),
                        NotificationTopic.CALL_REQUESTED,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new CallId(UUID.randomUUID())),
                        "Call back requested by Carla",
                        next(),
                        Optional.empty()));

        assertThat(listOf(acme, acme.agent, false).items()).containsExactly(aboutCall, aboutTicket);
    }

    @Test
    void a_recipient_sees_only_their_own_newest_first_with_exact_totals_and_pages() {
        List<Notification> agnes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agnes.add(stored(acme, acme.agent, NotificationTopic.TICKET_CREATED));
            stored(acme, acme.admin, NotificationTopic.TICKET_CREATED);
        }
        stored(globex, globex.agent, NotificationTopic.TICKET_CREATED);

        Page<Notification> first =
                in(acme.tenant, () -> notifications().list(acme.tenant, acme.agent.id(), false, new PageRequest(1, 2)));
        Page<Notification> third =
                in(acme.tenant, () -> notifications().list(acme.tenant, acme.agent.id(), false, new PageRequest(3, 2)));
        Page<Notification> beyond =
                in(acme.tenant, () -> notifications().list(acme.tenant, acme.agent.id(), false, new PageRequest(4, 2)));

        assertThat(first.items()).containsExactly(agnes.get(4), agnes.get(3));
        assertThat(third.items()).containsExactly(agnes.get(0));
        assertThat(first.total()).isEqualTo(5);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
        assertThat(listOf(acme, acme.customer, false).total()).isZero();
    }

    @Test
    void notifications_written_together_list_in_a_stable_order() {
        Instant at = next();
        List<Notification> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(notification(acme, acme.agent, NotificationTopic.TICKET_CREATED, at));
        }
        in(acme.tenant, () -> {
            notifications().add(acme.tenant, batch);
            return null;
        });

        List<Notification> listed = listOf(acme, acme.agent, false).items();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(listOf(acme, acme.agent, false).items()).isEqualTo(listed);
    }

    @Test
    void reading_one_is_idempotent_and_keeps_its_first_time() {
        Notification n = stored(acme, acme.agent, NotificationTopic.TICKET_CREATED);
        Instant first = next();

        Optional<Notification> read =
                in(acme.tenant, () -> notifications().markRead(acme.tenant, acme.agent.id(), n.id(), first));
        Optional<Notification> again =
                in(acme.tenant, () -> notifications().markRead(acme.tenant, acme.agent.id(), n.id(), next()));

        assertThat(read).contains(n.readAt(first));
        assertThat(again).contains(n.readAt(first));
        assertThat(listOf(acme, acme.agent, false).items()).containsExactly(n.readAt(first));
    }

    @Test
    void someone_elses_another_tenants_and_a_missing_notification_are_never_found_or_marked() {
        Notification agnes = stored(acme, acme.agent, NotificationTopic.TICKET_CREATED);

        assertThat(in(acme.tenant, () -> notifications().markRead(acme.tenant, acme.admin.id(), agnes.id(), next())))
                .isEmpty();
        assertThat(in(globex.tenant, () -> notifications()
                        .markRead(globex.tenant, acme.agent.id(), agnes.id(), next())))
                .isEmpty();
        assertThat(in(acme.tenant, () -> notifications()
                        .markRead(acme.tenant, acme.agent.id(), new NotificationId(UUID.randomUUID()), next())))
                .isEmpty();
        assertThat(listOf(acme, acme.agent, true).items()).containsExactly(agnes);
    }

    @Test
    void unread_filter_count_and_read_all_cover_only_the_recipients_unread_ones() {
        Notification older = stored(acme, acme.agent, NotificationTopic.TICKET_CREATED);
        Notification newer = stored(acme, acme.agent, NotificationTopic.CUSTOMER_REPLIED);
        Notification admins = stored(acme, acme.admin, NotificationTopic.FEEDBACK_GIVEN);
        Instant readAt = next();
        in(acme.tenant, () -> notifications().markRead(acme.tenant, acme.agent.id(), older.id(), readAt));

        assertThat(listOf(acme, acme.agent, true).items()).containsExactly(newer);
        assertThat(in(acme.tenant, () -> notifications().unreadCount(acme.tenant, acme.agent.id())))
                .isEqualTo(1);

        Instant allAt = next();
        assertThat(in(acme.tenant, () -> notifications().markAllRead(acme.tenant, acme.agent.id(), allAt)))
                .isEqualTo(1);
        assertThat(in(acme.tenant, () -> notifications().markAllRead(acme.tenant, acme.agent.id(), next())))
                .isZero();

        assertThat(listOf(acme, acme.agent, false).items()).containsExactly(newer.readAt(allAt), older.readAt(readAt));
        assertThat(listOf(acme, acme.agent, true).total()).isZero();
        assertThat(listOf(acme, acme.admin, true).items()).containsExactly(admins);
    }

    @Test
    void purging_deletes_old_read_ones_and_very_old_ones_of_its_tenant_only_up_to_the_limit() {
        Notification oldRead = stored(acme, acme.agent, NotificationTopic.TICKET_CREATED);
        Notification oldUnread = stored(acme, acme.agent, NotificationTopic.TICKET_CREATED);
        Notification ancientUnread = store(
                acme, notification(acme, acme.agent, NotificationTopic.TICKET_CREATED, t0.minus(Duration.ofDays(1))));
        Notification globexOldRead = stored(globex, globex.agent, NotificationTopic.TICKET_CREATED);
        in(acme.tenant, () -> notifications().markRead(acme.tenant, acme.agent.id(), oldRead.id(), next()));
        in(globex.tenant, () -> notifications().markRead(globex.tenant, globex.agent.id(), globexOldRead.id(), next()));
        Notification recentRead = stored(acme, acme.agent, NotificationTopic.TICKET_CREATED);
        in(acme.tenant, () -> notifications().markRead(acme.tenant, acme.agent.id(), recentRead.id(), next()));
        Instant readBefore = recentRead.createdAt();

        assertThat(in(acme.tenant, () -> notifications().purge(acme.tenant, readBefore, t0, 1)))
                .isEqualTo(1);
        assertThat(in(acme.tenant, () -> notifications().purge(acme.tenant, readBefore, t0, 10)))
                .isEqualTo(1);
        assertThat(in(acme.tenant, () -> notifications().purge(acme.tenant, readBefore, t0, 10)))
                .isZero();

        assertThat(listOf(acme, acme.agent, false).items())
                .extracting(Notification::id)
                .containsExactly(recentRead.id(), oldUnread.id())
                .doesNotContain(ancientUnread.id(), oldRead.id());
        assertThat(listOf(globex, globex.agent, false).total()).isEqualTo(1);
    }

    private Page<Notification> listOf(TenantFixture tenant, Person recipient, boolean unreadOnly) {
        return in(tenant.tenant, () -> notifications()
                .list(tenant.tenant, recipient.id(), unreadOnly, new PageRequest(1, 100)));
    }

    private Notification stored(TenantFixture tenant, Person recipient, NotificationTopic topic) {
        return store(tenant, notification(tenant, recipient, topic, next()));
    }

    private Notification store(TenantFixture tenant, Notification notification) {
        in(tenant.tenant, () -> {
            notifications().add(tenant.tenant, List.of(notification));
            return null;
        });
        return notification;
    }

    private static Notification notification(
            TenantFixture tenant, Person recipient, NotificationTopic topic, Instant at) {
        return new Notification(
                new NotificationId(UUID.randomUUID()),
                tenant.tenant,
                recipient.id(),
                topic,
                Optional.of(new TicketId(UUID.randomUUID())),
                Optional.of(new TicketNumber(2026, 42)),
                Optional.empty(),
                "Printer on fire",
                at,
                Optional.empty());
    }

    private Instant next() {
        return t0.plus(Duration.ofMinutes(++minutes));
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return transactions().inTransaction(tenant, work);
    }
}
