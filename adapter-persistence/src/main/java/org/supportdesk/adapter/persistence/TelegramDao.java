package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the Telegram channel: a tenant's bot, its chats, their tickets and messages, and the updates taken. */
interface TelegramDao {
    @SqlQuery(
            """
            SELECT tenant_id, username, sealed_token, secret_digest, webhook_url, configured_at
              FROM telegram_bots WHERE tenant_id = :tenant
            """)
    @RegisterConstructorMapper(TelegramBotRow.class)
    Optional<TelegramBotRow> bot(UUID tenant);

    @SqlUpdate(
            """
            INSERT INTO telegram_bots (tenant_id, username, sealed_token, secret_digest, webhook_url, configured_at)
            VALUES (:tenantId, :username, :sealedToken, :secretDigest, :webhookUrl, :configuredAt)
            ON CONFLICT (tenant_id) DO UPDATE SET username = excluded.username, sealed_token = excluded.sealed_token,
                   secret_digest = excluded.secret_digest, webhook_url = excluded.webhook_url,
                   configured_at = excluded.configured_at
            """)
    void saveBot(@BindMethods TelegramBotRow row);

    @SqlUpdate("DELETE FROM telegram_bots WHERE tenant_id = :tenant")
    int removeBot(UUID tenant);

    @SqlQuery(
            """
            SELECT tenant_id, chat_id, customer_id, language_code, first_seen_at
              FROM telegram_chats WHERE tenant_id = :tenant AND chat_id = :chatId
            """)
    @RegisterConstructorMapper(TelegramChatRow.class)
    Optional<TelegramChatRow> chat(UUID tenant, long chatId);

    @SqlUpdate(
            """
            INSERT INTO telegram_chats (tenant_id, chat_id, customer_id, language_code, first_seen_at)
            VALUES (:tenantId, :chatId, :customerId, :languageCode, :firstSeenAt)
            """)
    void addChat(@BindMethods TelegramChatRow row);

    @SqlQuery(
            """
            SELECT ticket_id FROM telegram_tickets WHERE tenant_id = :tenant AND chat_id = :chatId
             ORDER BY linked_at DESC, ticket_id DESC LIMIT 1
            """)
    Optional<UUID> latestTicket(UUID tenant, long chatId);

    @SqlQuery("SELECT chat_id FROM telegram_tickets WHERE tenant_id = :tenant AND ticket_id = :ticket")
    Optional<Long> chatOf(UUID tenant, UUID ticket);

    @SqlUpdate(
            """
            INSERT INTO telegram_tickets (tenant_id, ticket_id, chat_id, telegram_message_id, linked_at)
            VALUES (:tenant, :ticket, :chatId, :telegramMessageId, :at)
            """)
    void linkTicket(UUID tenant, UUID ticket, long chatId, long telegramMessageId, Instant at);

    @SqlUpdate(
            """
            INSERT INTO telegram_messages (tenant_id, message_id, chat_id, telegram_message_id)
            VALUES (:tenant, :message, :chatId, :telegramMessageId)
            """)
    void linkMessage(UUID tenant, UUID message, long chatId, long telegramMessageId);

    /** 1 the first time, 0 after: the primary key makes a concurrent second taker wait for the first, then lose. */
    @SqlUpdate(
            """
            INSERT INTO telegram_updates (tenant_id, update_id, received_at) VALUES (:tenant, :updateId, :at)
            ON CONFLICT DO NOTHING
            """)
    int takeUpdate(UUID tenant, long updateId, Instant at);
}
