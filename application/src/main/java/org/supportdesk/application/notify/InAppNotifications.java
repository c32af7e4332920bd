package org.supportdesk.application.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.NotificationId;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * The in-app channel (§9, §10, §13), written in the transaction of the change that owes it: resolves an intent's
 * audiences ({@link NotificationRules} decides them) to people, and stores one notification per recipient
 * (docs/adr/0013). Who is who:
 *
 * <ul>
 *   <li>{@code REQUESTER}: the ticket's requester, an active customer, and only while they may see the ticket and for a
 *       topic a customer may hear ({@link NotificationRules#customerMayHear}); never their organisation-mates.
 *   <li>{@code ASSIGNEE}: the ticket's assignee, if active staff.
 *   <li>{@code ALL_AGENTS}: every active staff member, agents and admins.
 *   <li>{@code ADMINS}: every active admin.
 *   <li>{@code WEBHOOKS}: nobody in-app.
 * </ul>
 *
 * Whoever caused the change is not told of it. Staff audiences are resolved by role, so a customer can only ever be
 * reached as a ticket's requester.
 */
public final class InAppNotifications {
    /** How many staff members one look-up reads when resolving "all agents" or "admins". */
    static final int PEOPLE_PAGE = 500;

    private final People people;
    private final Notifications notifications;
    private final IdGenerator ids;

    public InAppNotifications(People people, Notifications notifications, IdGenerator ids) {
        this.people = people;
        this.notifications = notifications;
        this.ids = ids;
    }

    /** Writes what {@code intent} owes about {@code ticket} (as the change left it), caused by {@code by}. */
    public List<Notification> write(NotificationIntent intent, TicketState ticket, Author by) {
        return write(intent, Optional.of(ticket), by, ticket.subject().value());
    }

    /** Writes what a new call-back request owes; {@code ticket} is the one it names, if any. */
    public List<Notification> write(
            NotificationIntent intent, CallRequest call, Optional<TicketState> ticket, Author by) {
        return write(
                intent, ticket, by, ticket.map(t -> t.subject().value()).orElse("Call back requested by " + by.name()));
    }

    private List<Notification> write(NotificationIntent intent, Optional<TicketState> ticket, Author by, String title) {
        TenantId tenant = intent.tenant();
        Set<UserId> recipients = new LinkedHashSet<>();
        for (Audience audience : EnumSet.copyOf(intent.audiences())) {
            recipients.addAll(resolve(audience, intent, ticket));
        }
        by.id().ifPresent(recipients::remove);
        List<Notification> written = new ArrayList<>();
        for (UserId recipient : recipients) {
            written.add(new Notification(
                    new NotificationId(ids.newId()),
                    tenant,
                    recipient,
                    intent.topic(),
                    ticket.map(TicketState::id),
                    ticket.map(TicketState::number),
                    intent.call(),
                    title,
                    intent.at(),
                    Optional.empty()));
        }
        if (!written.isEmpty()) {
            notifications.add(tenant, written);
        }
        return written;
    }

    private List<UserId> resolve(Audience audience, NotificationIntent intent, Optional<TicketState> ticket) {
        TenantId tenant = intent.tenant();
        return switch (audience) {
            case REQUESTER -> ticket
                    .filter(t -> NotificationRules.customerMayHear(intent.topic()))
                    .flatMap(t -> people.person(tenant, t.requester())
                            .filter(p -> p.active() && p.role() == Role.CUSTOMER)
                            .filter(p -> TicketAccess.canSee(
                                    new CustomerActor(tenant, p.id(), p.name(), p.organization(), false), t)))
                    .map(Person::id)
                    .stream()
                    .toList();
            case ASSIGNEE -> ticket
                    .flatMap(TicketState::assignee)
                    .flatMap(id -> people.person(tenant, id))
                    .filter(Person::isAssignable)
                    .map(Person::id)
                    .stream()
                    .toList();
            case ALL_AGENTS -> activeStaff(tenant, EnumSet.of(Role.AGENT, Role.ADMIN));
            case ADMINS -> activeStaff(tenant, EnumSet.of(Role.ADMIN));
            case WEBHOOKS -> List.of();
        };
    }

    private List<UserId> activeStaff(TenantId tenant, Set<Role> roles) {
        List<UserId> staff = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<Person> batch = people.list(tenant, roles, new PageRequest(page, PEOPLE_PAGE));
            batch.items().stream().filter(Person::isAssignable).map(Person::id).forEach(staff::add);
            if (page >= batch.totalPages()) {
                return staff;
            }
        }
    }
}
