-- Attachments (§6). The bytes live in files, per tenant and addressed by their SHA-256 (the AttachmentStore); this
-- table says what is known about each upload: who uploaded it and when, its sanitised name, the type sniffed from its
-- bytes, its size and digest, and, once linked, the ticket (and message) it belongs to.
CREATE TABLE attachments (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    id           uuid        NOT NULL,
    uploaded_by  uuid        NOT NULL,
    uploaded_at  timestamptz NOT NULL,
    file_name    text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 800),
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    ticket_id    uuid,
    message_id   uuid,
    linked_at    timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, uploaded_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id),
    FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id),
    CHECK ((ticket_id IS NULL) = (linked_at IS NULL)),
    CHECK (message_id IS NULL OR ticket_id IS NOT NULL)
);
-- A ticket's files (its detail, its messages, its total size).
CREATE INDEX attachments_by_ticket ON attachments (tenant_id, ticket_id, linked_at, id) WHERE ticket_id IS NOT NULL;
-- The purge of uploads nobody linked.
CREATE INDEX attachments_unlinked ON attachments (tenant_id, uploaded_at, id) WHERE ticket_id IS NULL;
-- Whether other attachments still have the same bytes.
CREATE INDEX attachments_by_content ON attachments (tenant_id, sha256);

ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON attachments
    USING (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid);

-- The portal's filing context keeps the screenshot the customer uploaded (seed 003).
ALTER TABLE tickets ADD COLUMN screenshot_id uuid;
ALTER TABLE tickets ADD CONSTRAINT tickets_screenshot
    FOREIGN KEY (tenant_id, screenshot_id) REFERENCES attachments (tenant_id, id);

-- The tenant's attachment limits (§6): 10 MiB a file, 10 files a message, 100 MiB a ticket by default.
ALTER TABLE tenant_settings
    ADD COLUMN attachment_max_file_bytes   bigint  NOT NULL DEFAULT 10485760  CHECK (attachment_max_file_bytes > 0),
    ADD COLUMN attachment_max_files        integer NOT NULL DEFAULT 10        CHECK (attachment_max_files > 0),
    ADD COLUMN attachment_max_ticket_bytes bigint  NOT NULL DEFAULT 104857600 CHECK (attachment_max_ticket_bytes > 0);
