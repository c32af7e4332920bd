package org.supportdesk.application.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * Who an intent's audiences ({@link NotificationRules} decides them) are, as people: the one resolution every channel
 * that tells people (in-app, email) shares, so they all tell the same people (docs/notifications.md):
 *
 * <ul>
 *   <li>{@code REQUESTER}: the ticket's requester, an active customer, and only while they may see the ticket and for a
 *       topic a customer may hear ({@link NotificationRules#customerMayHear}); never their organisation-mates.
 *   <li>{@code ASSIGNEE}: the ticket's assignee, if active staff.
 *   <li>{@code ALL_AGENTS}: every active staff member, agents and admins.
 *   <li>{@code ADMINS}: every active admin.
 *   <li>{@code WEBHOOKS}: nobody.
 * </ul>
 *
 * Whoever caused the change is not told of it. Staff audiences are resolved by role, so a customer can only ever be
 * reached as a ticket's requester.
 */
public final class Audiences {
    /** How many staff members one look-up reads when resolving "all agents" or "admins". */
    static final int PEOPLE_PAGE = 500;

    private final People people;

    public Audiences(People people) {
        this.people = people;
    }

    /** The people who hear {@code intent}, once each, about {@code ticket} (as the change left it) if it names one. */
    public List<Person> resolve(NotificationIntent intent, Optional<TicketState> ticket) {
        Map<UserId, Person> recipients = new LinkedHashMap<>();
        for (Audience audience : EnumSet.copyOf(intent.audiences())) {
            for (Person person : resolve(audience, intent, ticket)) {
                recipients.putIfAbsent(person.id(), person);
            }
        }
        intent.causedBy().ifPresent(recipients::remove);
        return List.copyOf(recipients.values());
    }

    private List<Person> resolve(Audience audience, NotificationIntent intent, Optional<TicketState> ticket) {
        TenantId tenant = intent.tenant();
        return switch (audience) {
            case REQUESTER -> ticket
                    .filter(t -> NotificationRules.customerMayHear(intent.topic()))
                    .flatMap(t -> people.person(tenant, t.requester())
                            .filter(p -> p.active() && p.role() == Role.CUSTOMER)
                            .filter(p -> TicketAccess.canSee(
                                    new CustomerActor(tenant, p.id(), p.name(), p.organization(), false), t)))
                    .stream()
                    .toList();
            case ASSIGNEE -> ticket
                    .flatMap(TicketState::assignee)
                    .flatMap(id -> people.person(tenant, id))
                    .filter(Person::isAssignable)
                    .stream()
                    .toList();
            case ALL_AGENTS -> activeStaff(tenant, EnumSet.of(Role.AGENT, Role.ADMIN));
            case ADMINS -> activeStaff(tenant, EnumSet.of(Role.ADMIN));
            case WEBHOOKS -> List.of();
        };
    }

    private List<Person> activeStaff(TenantId tenant, Set<Role> roles) {
        List<Person> staff = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<Person> batch = people.list(tenant, roles, new PageRequest(page, PEOPLE_PAGE));
            batch.items().stream().filter(Person::isAssignable).forEach(staff::add);
            if (page >= batch.totalPages()) {
                return staff;
            }
        }
    }
}
