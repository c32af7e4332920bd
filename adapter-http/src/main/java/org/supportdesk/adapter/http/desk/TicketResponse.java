package org.supportdesk.adapter.http.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.adapter.http.AttachmentTransfer.AttachmentResponse;
import org.supportdesk.domain.sla.SlaSummary;
import org.supportdesk.domain.ticket.Escalation;
import org.supportdesk.domain.ticket.MergedInto;
import org.supportdesk.domain.ticket.SlaTarget;
import org.supportdesk.domain.ticket.TicketState;

/**
 * A ticket as staff see it (§10, §17): every field, SLA times and summary; {@code messages} and {@code attachments}
 * (the files filed with it; each message lists its own) on the detail only.
 */
public record TicketResponse(
        String id,
        String number,
        String subject,
        String description,
        String category,
        String priority,
        String status,
        PersonRef requester,
        Optional<String> organizationId,
        Optional<String> assigneeId,
        Optional<Instant> assignedAt,
        Set<String> tags,
        String source,
        Optional<String> pageUrl,
        Optional<String> browserInfo,
        Optional<String> screenshotId,
        JsonNode customFields,
        Optional<String> followUpOf,
        Optional<String> relatedArticle,
        Optional<String> mergedInto,
        Optional<Instant> mergedAt,
        boolean escalated,
        Optional<Instant> escalatedAt,
        Optional<String> escalationReason,
        Optional<Instant> firstResponseDueAt,
        Optional<Instant> resolutionDueAt,
        Optional<Instant> firstResponseBreachedAt,
        Optional<Instant> resolutionBreachedAt,
        boolean slaBreached,
        Map<String, ClockSummary> sla,
        Optional<Instant> firstRespondedAt,
        Optional<Instant> resolvedAt,
        Optional<Instant> closedAt,
        Optional<FeedbackResponse> feedback,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> lastMessageAt,
        int messagesCount,
        long version,
        Optional<List<MessageResponse>> messages,
        Optional<List<AttachmentResponse>> attachments) {

    /** Someone named on a ticket. */
    public record PersonRef(String id, String name) {}

    /** The requester's rating (§9 feedback), once given. */
    public record FeedbackResponse(int rating, Optional<String> comment, Instant givenAt) {}

    /** One SLA clock as the ticket's cached times tell it. */
    public record ClockSummary(String state, Optional<Instant> dueAt) {}

    static TicketResponse of(
            TicketState t, String requesterName, Optional<List<MessageResponse>> messages, ObjectMapper json) {
        return of(t, requesterName, messages, Optional.empty(), json);
    }

    static TicketResponse of(
            TicketState t,
            String requesterName,
            Optional<List<MessageResponse>> messages,
            Optional<List<AttachmentResponse>> attachments,
            ObjectMapper json) {
        var sla = t.sla();
        return new TicketResponse(
                t.id().toString(),
                t.number().toString(),
                t.subject().value(),
                t.description().value(),
                t.category().value(),
                t.priority().wireName(),
                t.status().wireName(),
                new PersonRef(t.requester().toString(), requesterName),
                t.organization().map(Object::toString),
                t.assignee().map(Object::toString),
                t.assignedAt(),
                t.tags().values(),
                t.source().wireName(),
                t.context().pageUrl(),
                t.context().browserInfo(),
                t.context().screenshot().map(Object::toString),
                customFields(t, json),
                t.followUpOf().map(Object::toString),
                t.relatedArticle().map(Object::toString),
                t.mergedInto().map(merge -> merge.ticket().toString()),
                t.mergedInto().map(MergedInto::at),
                t.isEscalated(),
                t.escalation().map(Escalation::at),
                t.escalation().map(Escalation::reason),
                sla.firstResponseDueAt(),
                sla.resolutionDueAt(),
                sla.firstResponseBreachedAt(),
                sla.resolutionBreachedAt(),
                sla.breached(),
                Map.of(
                        SlaTarget.FIRST_RESPONSE.wireName(), clock(t, SlaTarget.FIRST_RESPONSE),
                        SlaTarget.RESOLUTION.wireName(), clock(t, SlaTarget.RESOLUTION)),
                sla.firstRespondedAt(),
                sla.resolvedAt(),
                sla.closedAt(),
                t.feedback().map(f -> new FeedbackResponse(f.rating().value(), f.comment(), f.givenAt())),
                t.createdAt(),
                t.updatedAt(),
                t.lastMessageAt(),
                t.messagesCount(),
                t.version(),
                messages,
                attachments);
    }

    private static ClockSummary clock(TicketState t, SlaTarget target) {
        SlaSummary summary = SlaSummary.of(t, target);
        return new ClockSummary(summary.state().wireName(), summary.dueAt());
    }

    private static JsonNode customFields(TicketState t, ObjectMapper json) {
        try {
            return json.readTree(t.customFields().json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored custom fields are not JSON: " + t.id(), e);
        }
    }
}
