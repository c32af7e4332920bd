package org.supportdesk.domain.port;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.ticket.TicketState;

/** One ticket of an export (§10 export.csv), with the names a spreadsheet shows beside the ids. */
public record TicketExportRow(
        TicketState ticket,
        String requesterName,
        Email requesterEmail,
        Optional<String> organizationName,
        Optional<String> assigneeName) {
    public TicketExportRow {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(requesterName, "requesterName");
        Objects.requireNonNull(requesterEmail, "requesterEmail");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(assigneeName, "assigneeName");
    }
}
