-- The Telegram channel (seed 002, §13, §14; docs/adr/0016-telegram.md).
--
-- telegram_bots: a tenant's bot. The token is AES-GCM sealed under the server's SUPPORTDESK_SECRETS_KEY (the sender
-- opens it to call the Bot API); of the webhook secret Telegram sends with every update only the SHA-256 digest is kept,
-- since it is only ever compared.
-- telegram_chats: the private chats that wrote to the bot, each with the customer made for it on first contact.
-- telegram_tickets, telegram_messages: which ticket and message each chat's messages became (seed 002's
-- telegram_chat_id and telegram_message_id), kept beside tickets and messages rather than in them.
-- telegram_updates: the update ids taken, so an update Telegram sends again is processed once.

CREATE TABLE telegram_bots (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    username      text        NOT NULL,
    sealed_token  text        NOT NULL,
    secret_digest text        NOT NULL,
    webhook_url   text        NOT NULL,
    configured_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE telegram_chats (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    chat_id       bigint      NOT NULL,
    customer_id   uuid        NOT NULL,
    language_code text,
    first_seen_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, chat_id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES users (tenant_id, id)
);

CREATE TABLE telegram_tickets (
    tenant_id           uuid        NOT NULL,
    ticket_id           uuid        NOT NULL,
    chat_id             bigint      NOT NULL,
    -- The Telegram message the ticket was filed from (its description); later ones are in telegram_messages.
    telegram_message_id bigint      NOT NULL,
    linked_at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id),
    FOREIGN KEY (tenant_id, chat_id) REFERENCES telegram_chats (tenant_id, chat_id)
);
-- "The chat's latest ticket".
CREATE INDEX telegram_tickets_by_chat ON telegram_tickets (tenant_id, chat_id, linked_at DESC, ticket_id DESC);

CREATE TABLE telegram_messages (
    tenant_id           uuid   NOT NULL,
    message_id          uuid   NOT NULL,
    chat_id             bigint NOT NULL,
    telegram_message_id bigint NOT NULL,
    PRIMARY KEY (tenant_id, message_id),
    FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id),
    FOREIGN KEY (tenant_id, chat_id) REFERENCES telegram_chats (tenant_id, chat_id)
);

CREATE TABLE telegram_updates (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    update_id   bigint      NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, update_id)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['telegram_bots', 'telegram_chats', 'telegram_tickets', 'telegram_messages',
                             'telegram_updates']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)
            WITH CHECK (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END;
$$;
