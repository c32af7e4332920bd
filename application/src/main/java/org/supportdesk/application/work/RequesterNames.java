package org.supportdesk.application.query;

import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.ticket.TicketState;

/** The display name of a ticket's requester, which ticket views show beside the id (§17). */
final class RequesterNames {
    private final People people;

    RequesterNames(People people) {
        this.people = people;
    }

    String of(TicketState ticket) {
        return people.person(ticket.tenant(), ticket.requester())
                .map(Person::name)
                .orElseThrow(() -> new IllegalStateException("ticket " + ticket.id() + " has no stored requester"));
    }
}
