-- Inbound email (issue 11, docs/notifications.md "Inbound email", docs/adr/0015).
--
-- email_channels: each tenant's support address, the IMAP mailbox the poller reads (password AES-GCM sealed under the
-- server's SUPPORTDESK_SECRETS_KEY, so the database alone cannot read it) and the SHA-256 of the inbound secret the
-- hook's bearer must match (the secret itself is shown once and never stored).
--
-- received_mails: one row per mail a tenant received, keyed by its Message-ID (or the digest of its bytes when it has
-- none): the same mail delivered twice (a retried hook, a re-read mailbox) is processed once, the second delivery's
-- insert waiting for the first's transaction and then finding the key taken. It also records what became of the mail
-- and which rule placed it (§16), which staff see on the message.

CREATE TABLE email_channels (
    tenant_id            uuid        NOT NULL REFERENCES tenants (id),
    support_address      text        NOT NULL,
    imap_host            text,
    imap_port            integer     CHECK (imap_port BETWEEN 1 AND 65535),
    imap_security        text        CHECK (imap_security IN ('none', 'starttls', 'tls')),
    imap_username        text,
    imap_sealed_password text,
    imap_folder          text,
    secret_hash          text        NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id),
    -- The mailbox is all there or not there at all.
    CHECK (num_nulls(imap_host, imap_port, imap_security, imap_username, imap_sealed_password, imap_folder) IN (0, 6))
);

CREATE TABLE received_mails (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    mail_key    text        NOT NULL,
    sender      text        NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('ticket_created', 'message_added', 'ignored')),
    rule        text        CHECK (rule IN ('reply_token', 'in_reply_to', 'subject_number', 'new_ticket')),
    reason      text,
    ticket_id   uuid,
    ticket_number text,
    message_id  uuid,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, mail_key),
    CHECK ((outcome = 'ignored') = (ticket_id IS NULL)),
    CHECK (num_nulls(ticket_id, ticket_number, rule) IN (0, 3))
);

-- The desk reads the rules of one ticket's mailed messages.
CREATE INDEX received_mails_by_ticket ON received_mails (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['email_channels', 'received_mails']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)
            WITH CHECK (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END;
$$;
