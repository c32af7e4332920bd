package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of loading and saving one ticket with its tags and new messages: what every change runs. What else is asked of
 * tickets and their messages is {@link TicketRecordsDao}'s. Decisions stay in the repository.
 */
@RegisterRowMapper(TicketRow.Mapper.class)
interface TicketDao {
    String SELECT_TICKET =
            """
            SELECT t.*, ARRAY(SELECT g.name FROM ticket_tags tt JOIN tags g ON g.tenant_id = tt.tenant_id AND g.id = tt.tag_id
                              WHERE tt.tenant_id = t.tenant_id AND tt.ticket_id = t.id ORDER BY g.name) AS tags
              FROM tickets t
            """;

    @SqlQuery(SELECT_TICKET + " WHERE t.tenant_id = :tenant AND t.id = :id")
    Optional<TicketRow> findById(UUID tenant, UUID id);

    @SqlQuery(SELECT_TICKET + " WHERE t.tenant_id = :tenant AND t.number = :number")
    Optional<TicketRow> findByNumber(UUID tenant, String number);

    @SqlUpdate(
            """
            INSERT INTO tickets (tenant_id, id, number_year, number_sequence, subject, description, category, priority,
                status, requester_id, organization_id, assignee_id, assigned_at, source, page_url, browser_info,
                screenshot_id, custom_fields, follow_up_of, escalated_at, escalation_reason, sla_policy_version, sla_calendar_version,
                first_response_due_at, resolution_due_at, first_response_breached_at, resolution_breached_at,
                first_responded_at, resolved_at, closed_at, created_at, updated_at, customer_updated_at, last_message_at,
                messages_count, deleted_at, version, feedback_rating, feedback_comment, feedback_at, related_article_id,
                merged_into, merged_at, status_before_merge, updated_at_before_merge, customer_updated_at_before_merge)
            VALUES (:tenantId, :id, :numberYear, :numberSequence, :subject, :description, :category, :priority,
                :status, :requesterId, :organizationId, :assigneeId, :assignedAt, :source, :pageUrl, :browserInfo,
                :screenshotId, CAST(:customFields AS json), :followUpOf, :escalatedAt, :escalationReason, :slaPolicyVersion,
                :slaCalendarVersion, :firstResponseDueAt, :resolutionDueAt, :firstResponseBreachedAt,
                :resolutionBreachedAt, :firstRespondedAt, :resolvedAt, :closedAt, :createdAt, :updatedAt,
                :customerUpdatedAt, :lastMessageAt, :messagesCount, :deletedAt, :version, :feedbackRating,
                :feedbackComment, :feedbackAt, :relatedArticleId, :mergedInto, :mergedAt, :statusBeforeMerge,
                :updatedAtBeforeMerge, :customerUpdatedAtBeforeMerge)
            """)
    void insert(@BindMethods TicketRow row);

    /** Answers 0 when the stored version is no longer {@code expectedVersion}. */
    @SqlUpdate(
            """
            UPDATE tickets SET subject = :subject, description = :description, category = :category,
                   priority = :priority, status = :status, assignee_id = :assigneeId, assigned_at = :assignedAt,
                   custom_fields = CAST(:customFields AS json), escalated_at = :escalatedAt,
                   escalation_reason = :escalationReason, first_response_due_at = :firstResponseDueAt,
                   resolution_due_at = :resolutionDueAt, first_response_breached_at = :firstResponseBreachedAt,
                   resolution_breached_at = :resolutionBreachedAt, first_responded_at = :firstRespondedAt,
                   resolved_at = :resolvedAt, closed_at = :closedAt, updated_at = :updatedAt,
                   customer_updated_at = :customerUpdatedAt, last_message_at = :lastMessageAt, messages_count = :messagesCount, deleted_at = :deletedAt,
                   version = :version, feedback_rating = :feedbackRating, feedback_comment = :feedbackComment,
                   feedback_at = :feedbackAt, related_article_id = :relatedArticleId, merged_into = :mergedInto,
                   merged_at = :mergedAt, status_before_merge = :statusBeforeMerge,
                   updated_at_before_merge = :updatedAtBeforeMerge,
                   customer_updated_at_before_merge = :customerUpdatedAtBeforeMerge
             WHERE tenant_id = :tenantId AND id = :id AND version = :expectedVersion
            """)
    int update(@BindMethods TicketRow row, long expectedVersion);

    /** Row-locks the ticket until the transaction ends; answers how many rows it holds (0 or 1). */
    @SqlQuery("SELECT count(*) FROM (SELECT 1 FROM tickets WHERE tenant_id = :tenant AND id = :ticket FOR UPDATE) held")
    int lock(UUID tenant, UUID ticket);

    /** Finds or creates each tag of the tenant by name. */
    @SqlUpdate(
            """
            INSERT INTO tags (tenant_id, id, name)
            SELECT :tenant, gen_random_uuid(), name FROM unnest(CAST(:names AS text[])) AS name
            ON CONFLICT (tenant_id, name) DO NOTHING
            """)
    void findOrCreateTags(UUID tenant, String[] names);

    @SqlUpdate(
            """
            DELETE FROM ticket_tags tt USING tags g
             WHERE tt.tenant_id = :tenant AND tt.ticket_id = :ticket AND g.tenant_id = tt.tenant_id
               AND g.id = tt.tag_id AND g.name <> ALL (CAST(:names AS text[]))
            """)
    void untagAllBut(UUID tenant, UUID ticket, String[] names);

    @SqlUpdate(
            """
            INSERT INTO ticket_tags (tenant_id, ticket_id, tag_id)
            SELECT g.tenant_id, :ticket, g.id FROM tags g WHERE g.tenant_id = :tenant AND g.name = ANY (CAST(:names AS text[]))
            ON CONFLICT DO NOTHING
            """)
    void tag(UUID tenant, UUID ticket, String[] names);

    @SqlBatch(
            """
            INSERT INTO messages (tenant_id, id, ticket_id, author_id, author_name, author_role, kind,
                customer_visible, body, via, is_resolution, created_at)
            VALUES (:tenantId, :id, :ticketId, :authorId, :authorName, :authorRole, :kind, :customerVisible, :body,
                :via, :isResolution, :createdAt)
            """)
    void insertMessages(@BindMethods List<MessageRow> rows);
}
