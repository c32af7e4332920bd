package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;
import org.supportdesk.domain.privacy.Pseudonym;

/**
 * The statements of erasure ({@link JdbiPersonalData}), each redacting one table in place for an {@link Erased}: the
 * tickets, the calls and (when a person is erased) the person whose data goes. A person of null matches no row.
 */
interface PersonalDataDao {
    /** Who is erased, what of theirs, what they were called, and what they are called now. */
    record Erased(
            UUID tenant,
            UUID[] tickets,
            UUID[] calls,
            UUID person,
            String formerName,
            String formerEmail,
            String pseudonymName,
            String pseudonymEmail,
            String erased,
            Instant now) {
        static Erased of(UUID tenant, UUID[] tickets, UUID[] calls, Who who, Instant now) {
            return new Erased(
                    tenant,
                    tickets,
                    calls,
                    who.person(),
                    who.formerName(),
                    who.formerEmail(),
                    who.pseudonymName(),
                    who.pseudonymEmail(),
                    Pseudonym.ERASED,
                    now);
        }
    }

    /** The person erased, with what they were and are now called; {@link #NOBODY} when only tickets are. */
    record Who(UUID person, String formerName, String formerEmail, String pseudonymName, String pseudonymEmail) {
        static final Who NOBODY = new Who(null, null, null, null, null);
    }

    record Profile(String name, String email) {}

    @SqlQuery(
            """
            SELECT name, email FROM users
             WHERE tenant_id = :tenant AND id = :person AND role = 'customer' AND erased_at IS NULL
               FOR UPDATE
            """)
    @RegisterConstructorMapper(Profile.class)
    Optional<Profile> lockCustomer(UUID tenant, UUID person);

    @SqlQuery("SELECT id FROM tickets WHERE tenant_id = :tenant AND requester_id = :person ORDER BY id FOR UPDATE")
    List<UUID> ticketsRequestedBy(UUID tenant, UUID person);

    /**
     * A ticket {@code t} the retention rule erases at {@code :cutoff}: closed before it and not erased, and a merged one
     * only once the ticket it went into, which reads its messages, is closed before it too.
     */
    String EXPIRED =
            """
            t.tenant_id = :tenant AND t.status = 'closed' AND t.erased_at IS NULL AND t.closed_at < :cutoff
               AND (t.merged_into IS NULL
                    OR EXISTS (SELECT 1 FROM tickets target
                                WHERE target.tenant_id = t.tenant_id AND target.id = t.merged_into
                                  AND target.status = 'closed' AND target.closed_at < :cutoff))
            """;

    @SqlQuery("SELECT t.id FROM tickets t WHERE t.id = :ticket AND " + EXPIRED + " FOR UPDATE OF t")
    Optional<UUID> lockExpiredTicket(UUID tenant, UUID ticket, Instant cutoff);

    @SqlQuery("SELECT t.id FROM tickets t WHERE " + EXPIRED + " ORDER BY t.closed_at, t.id LIMIT :limit")
    List<UUID> expiredBefore(UUID tenant, Instant cutoff, int limit);

    @SqlQuery(
            """
            UPDATE call_requests
               SET phone = NULL,
                   note = CASE WHEN note IS NULL THEN NULL ELSE :erased END,
                   outcome = CASE WHEN outcome IS NULL THEN NULL ELSE :erased END
             WHERE tenant_id = :tenant AND (requester_id = :person OR ticket_id = ANY (CAST(:tickets AS uuid[])))
            RETURNING id
            """)
    List<UUID> eraseCalls(UUID tenant, UUID[] tickets, UUID person, String erased);

    @SqlUpdate(
            """
            UPDATE users
               SET name = :pseudonymName, email = :pseudonymEmail, password_hash = NULL, active = false,
                   erased_at = :now
             WHERE tenant_id = :tenant AND id = :person
            """)
    void eraseProfile(@BindMethods Erased erased);

    @SqlUpdate(
            """
            UPDATE tickets
               SET subject = :erased, description = :erased, page_url = NULL, browser_info = NULL,
                   custom_fields = CAST('{}' AS json),
                   escalation_reason = CASE WHEN escalation_reason IS NULL THEN NULL ELSE :erased END,
                   feedback_comment = CASE WHEN feedback_comment IS NULL THEN NULL ELSE :erased END,
                   erased_at = :now
             WHERE tenant_id = :tenant AND id = ANY (CAST(:tickets AS uuid[]))
            """)
    int eraseTickets(@BindMethods Erased erased);

    /** Every message of the tickets, and whatever the person wrote elsewhere; their name as author goes too. */
    @SqlUpdate(
            """
            UPDATE messages
               SET body = :erased,
                   author_name = CASE WHEN author_id = :person OR author_name = :formerName
                                      THEN :pseudonymName ELSE author_name END
             WHERE tenant_id = :tenant AND (ticket_id = ANY (CAST(:tickets AS uuid[])) OR author_id = :person)
            """)
    int eraseMessages(@BindMethods Erased erased);

    /** The files of the tickets and those the person uploaded: answers the digests of the contents they had. */
    @SqlQuery(
            """
            WITH chosen AS (
                SELECT id, sha256 FROM attachments
                 WHERE tenant_id = :tenant AND sha256 <> :emptyContent
                   AND (ticket_id = ANY (CAST(:tickets AS uuid[])) OR uploaded_by = :person)
                   FOR UPDATE)
            UPDATE attachments a
               SET file_name = :erased, content_type = 'text/plain', size_bytes = 0,
                   sha256 = :emptyContent
              FROM chosen
             WHERE a.tenant_id = :tenant AND a.id = chosen.id
            RETURNING chosen.sha256
            """)
    List<String> eraseAttachments(@BindMethods Erased erased, String emptyContent);

    @SqlUpdate(
            """
            UPDATE notifications SET title = :erased
             WHERE tenant_id = :tenant
               AND (ticket_id = ANY (CAST(:tickets AS uuid[])) OR call_id = ANY (CAST(:calls AS uuid[]))
                    OR recipient_id = :person)
            """)
    int eraseNotifications(@BindMethods Erased erased);

    @SqlUpdate(
            """
            UPDATE change_events
               SET data = CAST('{"erased":true}' AS json),
                   customer_data = CASE WHEN customer_data IS NULL THEN NULL ELSE CAST('{"erased":true}' AS json) END
             WHERE tenant_id = :tenant AND (ticket_id = ANY (CAST(:tickets AS uuid[])) OR customer_id = :person)
            """)
    int eraseChangeEvents(@BindMethods Erased erased);

    /** Deliveries about the tickets and calls, and those to the person; any still to be sent never will be. */
    @SqlUpdate(
            """
            UPDATE outbox_deliveries
               SET payload = :erased,
                   recipient = CASE WHEN lower(recipient) = lower(:formerEmail) THEN :pseudonymEmail ELSE recipient END,
                   last_error = CASE WHEN state IN ('pending', 'failed') THEN 'personal data erased' ELSE last_error END,
                   state = CASE WHEN state IN ('pending', 'failed') THEN 'parked' ELSE state END,
                   updated_at = :now
             WHERE tenant_id = :tenant
               AND (lower(recipient) = lower(:formerEmail)
                    OR intent_id IN (SELECT id FROM outbox
                                      WHERE tenant_id = :tenant
                                        AND (ticket_id = ANY (CAST(:tickets AS uuid[]))
                                             OR call_id = ANY (CAST(:calls AS uuid[])))))
            """)
    int eraseDeliveries(@BindMethods Erased erased);

    @SqlUpdate(
            """
            UPDATE received_mails SET sender = :pseudonymEmail
             WHERE tenant_id = :tenant AND lower(sender) = lower(:formerEmail)
            """)
    void eraseReceivedMails(@BindMethods Erased erased);

    /** The person's Telegram chats: the chat id is theirs, so the links to it go first, then the chats. */
    @SqlUpdate(
            """
            DELETE FROM telegram_messages
             WHERE tenant_id = :tenant
               AND chat_id IN (SELECT chat_id FROM telegram_chats WHERE tenant_id = :tenant AND customer_id = :person)
            """)
    void eraseTelegramMessages(@BindMethods Erased erased);

    @SqlUpdate(
            """
            DELETE FROM telegram_tickets
             WHERE tenant_id = :tenant
               AND chat_id IN (SELECT chat_id FROM telegram_chats WHERE tenant_id = :tenant AND customer_id = :person)
            """)
    void eraseTelegramTickets(@BindMethods Erased erased);

    @SqlUpdate("DELETE FROM telegram_chats WHERE tenant_id = :tenant AND customer_id = :person")
    void eraseTelegramChats(@BindMethods Erased erased);

    /** Responses kept for a retry that mention the person, their tickets or their calls. */
    @SqlUpdate(
            """
            DELETE FROM idempotency_keys
             WHERE tenant_id = :tenant
               AND EXISTS (SELECT 1 FROM unnest(CAST(:needles AS text[])) AS needle WHERE strpos(body, needle) > 0)
            """)
    void eraseKeptResponses(UUID tenant, String[] needles);

    /**
     * Redacts the journal entries about the tickets, the calls or the person, and those the person made, marking them
     * with the erasure's entry ({@link org.supportdesk.domain.privacy.JournalRedaction}).
     */
    @SqlUpdate(
            """
            UPDATE journal j
               SET redacted_by = :erasureEntry,
                   actor_name = CASE WHEN actor_id = :person THEN :pseudonymName ELSE actor_name END,
                   changes = (SELECT coalesce(jsonb_agg(
                                  CASE WHEN e->>'field' = ANY (CAST(:keptFields AS text[])) THEN e
                                       ELSE e || jsonb_strip_nulls(jsonb_build_object(
                                           'before', CASE WHEN e->>'before' IS NULL THEN NULL ELSE CAST(:erased AS text) END,
                                           'after', CASE WHEN e->>'after' IS NULL THEN NULL ELSE CAST(:erased AS text) END))
                                  END ORDER BY n), CAST('[]' AS jsonb))
                                FROM jsonb_array_elements(j.changes) WITH ORDINALITY AS x(e, n))
             WHERE tenant_id = :tenant AND redacted_by IS NULL
               AND NOT (action = ANY (CAST(:erasureActions AS text[])))
               AND (target_id = ANY (CAST(:targets AS uuid[])) OR actor_id = :person)
            """)
    int redactJournal(
            @BindMethods Erased erased,
            UUID[] targets,
            String[] keptFields,
            String[] erasureActions,
            UUID erasureEntry);

    @SqlQuery(
            "SELECT " + JournalDao.ENTRY_COLUMNS
                    + """
            , j.seq, j.content_digest, j.chain_hash, j.redacted_by
              FROM journal j
             WHERE j.tenant_id = :tenant AND j.redacted_by = :erasureEntry
             ORDER BY j.seq
            """)
    @UseRowMapper(ChainedRow.Mapper.class)
    List<ChainedRow> redactedBy(UUID tenant, UUID erasureEntry);
}
