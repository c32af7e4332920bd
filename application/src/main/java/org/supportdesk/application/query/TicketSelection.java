package org.supportdesk.application.query;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Which tickets a staff report covers: the desk list's filter, with the requester named by id in the filter or by
 * email address beside it (§10 "requester (id or email)"), exactly as {@link ListTickets} takes them.
 */
public record TicketSelection(TicketFilter filter, Optional<Email> requesterEmail) {
    public TicketSelection {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(requesterEmail, "requesterEmail");
        if (filter.customer().isPresent()) {
            throw new IllegalArgumentException("staff reports are not narrowed to a customer's view");
        }
        if (requesterEmail.isPresent() && filter.requester().isPresent()) {
            throw new IllegalArgumentException("a requester is named by id or by email, not both");
        }
    }

    /** Every ticket of the tenant. */
    public static final TicketSelection ALL = new TicketSelection(TicketFilter.ALL, Optional.empty());

    /**
     * The filter with the requester resolved, read in the caller's transaction; empty when the address is nobody's in
     * the tenant, so nothing can match.
     */
    Optional<TicketFilter> resolve(People people, TenantId tenant) {
        if (requesterEmail.isEmpty()) {
            return Optional.of(filter);
        }
        return people.personByEmail(tenant, requesterEmail.get())
                .map(person ->
                        filter.toBuilder().requester(Optional.of(person.id())).build());
    }
}
