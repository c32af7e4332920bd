package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Escalation;
import org.supportdesk.domain.ticket.Feedback;
import org.supportdesk.domain.ticket.MergedInto;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.SlaTimes;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

/** A {@code tickets} row with its tag names; public because JDBI binds public accessors only. */
public record TicketRow(
        UUID tenantId,
        UUID id,
        int numberYear,
        long numberSequence,
        String subject,
        String description,
        String category,
        String priority,
        String status,
        UUID requesterId,
        UUID organizationId,
        UUID assigneeId,
        Instant assignedAt,
        String source,
        String pageUrl,
        String browserInfo,
        UUID screenshotId,
        String customFields,
        UUID followUpOf,
        UUID relatedArticleId,
        Instant escalatedAt,
        String escalationReason,
        int slaPolicyVersion,
        int slaCalendarVersion,
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        Instant firstResponseBreachedAt,
        Instant resolutionBreachedAt,
        Instant firstRespondedAt,
        Instant resolvedAt,
        Instant closedAt,
        Integer feedbackRating,
        String feedbackComment,
        Instant feedbackAt,
        Instant createdAt,
        Instant updatedAt,
        Instant customerUpdatedAt,
        Instant lastMessageAt,
        int messagesCount,
        Instant deletedAt,
        UUID mergedInto,
        Instant mergedAt,
        String statusBeforeMerge,
        Instant updatedAtBeforeMerge,
        Instant customerUpdatedAtBeforeMerge,
        long version,
        String[] tags) {

    /**
     * Reads a row of {@code tickets} (with its {@code tags} array) by column name. Written out rather than left to a
     * constructor mapper, which matched the 47 columns to parameters again for every statement: a fifth of the
     * allocation of a change to a ticket.
     */
    public static final class Mapper implements RowMapper<TicketRow> {
        @Override
        public TicketRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return read(rs);
        }
    }

    /** The ticket of the current row of {@code rs}, which carries every column of {@code tickets} and its tags. */
    static TicketRow read(ResultSet rs) throws SQLException {
        return new TicketRow(
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getInt("number_year"),
                rs.getLong("number_sequence"),
                rs.getString("subject"),
                rs.getString("description"),
                rs.getString("category"),
                rs.getString("priority"),
                rs.getString("status"),
                rs.getObject("requester_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("assignee_id", UUID.class),
                Columns.instant(rs, "assigned_at"),
                rs.getString("source"),
                rs.getString("page_url"),
                rs.getString("browser_info"),
                rs.getObject("screenshot_id", UUID.class),
                rs.getString("custom_fields"),
                rs.getObject("follow_up_of", UUID.class),
                rs.getObject("related_article_id", UUID.class),
                Columns.instant(rs, "escalated_at"),
                rs.getString("escalation_reason"),
                rs.getInt("sla_policy_version"),
                rs.getInt("sla_calendar_version"),
                Columns.instant(rs, "first_response_due_at"),
                Columns.instant(rs, "resolution_due_at"),
                Columns.instant(rs, "first_response_breached_at"),
                Columns.instant(rs, "resolution_breached_at"),
                Columns.instant(rs, "first_responded_at"),
                Columns.instant(rs, "resolved_at"),
                Columns.instant(rs, "closed_at"),
                rs.getObject("feedback_rating", Integer.class),
                rs.getString("feedback_comment"),
                Columns.instant(rs, "feedback_at"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                Columns.instant(rs, "customer_updated_at"),
                Columns.instant(rs, "last_message_at"),
                rs.getInt("messages_count"),
                Columns.instant(rs, "deleted_at"),
                rs.getObject("merged_into", UUID.class),
                Columns.instant(rs, "merged_at"),
                rs.getString("status_before_merge"),
                Columns.instant(rs, "updated_at_before_merge"),
                Columns.instant(rs, "customer_updated_at_before_merge"),
                rs.getLong("version"),
                Columns.texts(rs, "tags"));
    }

    static TicketRow from(TicketState t) {
        SlaTimes sla = t.sla();
        return new TicketRow(
                t.tenant().value(),
                t.id().value(),
                t.number().year(),
                t.number().sequence(),
                t.subject().value(),
                t.description().value(),
                t.category().value(),
                t.priority().wireName(),
                t.status().wireName(),
                t.requester().value(),
                t.organization().map(OrganizationId::value).orElse(null),
                t.assignee().map(UserId::value).orElse(null),
                t.assignedAt().orElse(null),
                t.source().wireName(),
                t.context().pageUrl().orElse(null),
                t.context().browserInfo().orElse(null),
                t.context().screenshot().map(AttachmentId::value).orElse(null),
                t.customFields().json(),
                t.followUpOf().map(TicketId::value).orElse(null),
                t.relatedArticle().map(ArticleId::value).orElse(null),
                t.escalation().map(Escalation::at).orElse(null),
                t.escalation().map(Escalation::reason).orElse(null),
                sla.policyVersion(),
                sla.calendarVersion(),
                sla.firstResponseDueAt().orElse(null),
                sla.resolutionDueAt().orElse(null),
                sla.firstResponseBreachedAt().orElse(null),
                sla.resolutionBreachedAt().orElse(null),
                sla.firstRespondedAt().orElse(null),
                sla.resolvedAt().orElse(null),
                sla.closedAt().orElse(null),
                t.feedback().map(f -> f.rating().value()).orElse(null),
                t.feedback().flatMap(Feedback::comment).orElse(null),
                t.feedback().map(Feedback::givenAt).orElse(null),
                t.createdAt(),
                t.updatedAt(),
                t.customerUpdatedAt(),
                t.lastMessageAt().orElse(null),
                t.messagesCount(),
                t.deletedAt().orElse(null),
                t.mergedInto().map(m -> m.ticket().value()).orElse(null),
                t.mergedInto().map(MergedInto::at).orElse(null),
                t.mergedInto().map(m -> m.statusBefore().wireName()).orElse(null),
                t.mergedInto().map(MergedInto::updatedAtBefore).orElse(null),
                t.mergedInto().map(MergedInto::customerUpdatedAtBefore).orElse(null),
                t.version(),
                t.tags().values().toArray(String[]::new));
    }

    TicketState toDomain() {
        return new TicketState(
                new TicketId(id),
                new TenantId(tenantId),
                new TicketNumber(numberYear, numberSequence),
                new Subject(subject),
                new Description(description),
                new Category(category),
                Priority.parse(priority),
                TicketStatus.parse(status),
                new UserId(requesterId),
                Optional.ofNullable(organizationId).map(OrganizationId::new),
                Optional.ofNullable(assigneeId).map(UserId::new),
                Optional.ofNullable(assignedAt),
                new Tags(new TreeSet<>(Arrays.asList(tags))),
                TicketSource.parse(source),
                new PortalContext(
                        Optional.ofNullable(pageUrl),
                        Optional.ofNullable(browserInfo),
                        Optional.ofNullable(screenshotId).map(AttachmentId::new)),
                new CustomFields(customFields),
                Optional.ofNullable(followUpOf).map(TicketId::new),
                Optional.ofNullable(relatedArticleId).map(ArticleId::new),
                Optional.ofNullable(escalatedAt).map(at -> new Escalation(at, escalationReason)),
                new SlaTimes(
                        slaPolicyVersion,
                        slaCalendarVersion,
                        Optional.ofNullable(firstResponseDueAt),
                        Optional.ofNullable(resolutionDueAt),
                        Optional.ofNullable(firstResponseBreachedAt),
                        Optional.ofNullable(resolutionBreachedAt),
                        Optional.ofNullable(firstRespondedAt),
                        Optional.ofNullable(resolvedAt),
                        Optional.ofNullable(closedAt)),
                Optional.ofNullable(feedbackRating)
                        .map(rating ->
                                new Feedback(new Rating(rating), Optional.ofNullable(feedbackComment), feedbackAt)),
                createdAt,
                updatedAt,
                customerUpdatedAt,
                Optional.ofNullable(lastMessageAt),
                messagesCount,
                Optional.ofNullable(deletedAt),
                Optional.ofNullable(mergedInto)
                        .map(into -> new MergedInto(
                                new TicketId(into),
                                mergedAt,
                                TicketStatus.parse(statusBeforeMerge),
                                updatedAtBeforeMerge,
                                customerUpdatedAtBeforeMerge)),
                version);
    }
}
