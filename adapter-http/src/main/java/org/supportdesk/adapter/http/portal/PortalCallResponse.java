package org.supportdesk.adapter.http.portal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.call.CallNote;
import org.supportdesk.domain.call.CustomerCallView;
import org.supportdesk.domain.call.PhoneNumber;
import org.supportdesk.domain.ticket.TicketId;

/**
 * A call-back request as its customer sees it, built only from {@link CustomerCallView}: what they asked for and its
 * status, nothing of the assignee or staff's outcome note.
 */
public record PortalCallResponse(
        UUID id,
        String status,
        Optional<Instant> scheduledAt,
        Optional<UUID> ticketId,
        Optional<String> phone,
        Optional<String> note,
        Instant requestedAt) {
    public static PortalCallResponse of(CustomerCallView call) {
        return new PortalCallResponse(
                call.id().value(),
                call.status().wireName(),
                call.scheduledAt(),
                call.ticket().map(TicketId::value),
                call.phone().map(PhoneNumber::value),
                call.note().map(CallNote::value),
                call.requestedAt());
    }
}
