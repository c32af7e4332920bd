package org.supportdesk.application.work;

import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.ticket.TicketState;

/** The display name of a ticket's requester, which ticket views show beside the id (§17). */
public final class RequesterNames {
    private final People people;

    public RequesterNames(People people) {
        this.people = people;
    }

    /** Read inside the caller's transaction. */
    public String of(TicketState ticket) {
        return people.person(ticket.tenant(), ticket.requester())
                .map(Person::name)
                .orElseThrow(() -> new IllegalStateException("ticket " + ticket.id() + " has no stored requester"));
    }
}
