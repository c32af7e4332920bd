package org.supportdesk.domain.call;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.ticket.TicketId;

/**
 * What a customer sees of their own call-back request: what they asked for and where it stands. No field for the
 * assignee, staff's outcome note or when staff last touched it, so none of that can reach the portal.
 */
public record CustomerCallView(
        CallId id,
        CallStatus status,
        Optional<Instant> scheduledAt,
        Optional<TicketId> ticket,
        Optional<PhoneNumber> phone,
        Optional<CallNote> note,
        Instant requestedAt) {
    public CustomerCallView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** The requester's view of their call. */
    public static CustomerCallView of(CallRequest call) {
        return new CustomerCallView(
                call.id(),
                call.status(),
                call.scheduledAt(),
                call.ticket(),
                call.phone(),
                call.note(),
                call.requestedAt());
    }
}
