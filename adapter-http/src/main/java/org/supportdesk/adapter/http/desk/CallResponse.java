package org.supportdesk.adapter.http.desk;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.application.call.CallView;
import org.supportdesk.domain.call.CallNote;
import org.supportdesk.domain.call.CallOutcome;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.call.PhoneNumber;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/** A call-back request as staff see it (§10): all of it, with when it is due and who asked. */
public record CallResponse(
        UUID id,
        TicketResponse.PersonRef requester,
        Optional<UUID> ticketId,
        Optional<String> phone,
        Optional<String> note,
        Optional<Instant> scheduledAt,
        Instant dueAt,
        String status,
        Optional<UUID> assigneeId,
        Optional<String> outcome,
        Instant requestedAt,
        Instant updatedAt) {
    static CallResponse of(CallView view) {
        CallRequest call = view.call();
        return new CallResponse(
                call.id().value(),
                new TicketResponse.PersonRef(call.requester().toString(), view.requesterName()),
                call.ticket().map(TicketId::value),
                call.phone().map(PhoneNumber::value),
                call.note().map(CallNote::value),
                call.scheduledAt(),
                call.dueAt(),
                call.status().wireName(),
                call.assignee().map(UserId::value),
                call.outcome().map(CallOutcome::value),
                call.requestedAt(),
                call.updatedAt());
    }
}
