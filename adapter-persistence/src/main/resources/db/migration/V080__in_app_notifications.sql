-- In-app notifications (§9, §10, §13; docs/adr/0013): one row per recipient, written in the transaction of the change
-- that owes it. A row copies what its recipient may see (topic, ticket number, title), so reading one needs no join.
-- Tenant-leading keys and forced row-level security like every tenant table (V001).

CREATE TABLE notifications (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    id            uuid        NOT NULL,
    recipient_id  uuid        NOT NULL,
    topic         text        NOT NULL CHECK (topic IN ('ticket_created', 'customer_replied', 'staff_replied',
                      'internal_note_added', 'status_changed', 'ticket_escalated', 'sla_breached', 'feedback_given',
                      'call_requested')),
    ticket_id     uuid,
    ticket_number text,
    call_id       uuid,
    title         text        NOT NULL CHECK (char_length(title) <= 200),
    created_at    timestamptz NOT NULL,
    read_at       timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, recipient_id) REFERENCES users (tenant_id, id),
    CHECK (ticket_id IS NOT NULL OR call_id IS NOT NULL),
    CHECK ((ticket_id IS NULL) = (ticket_number IS NULL))
);
-- "My notifications, newest first" and "my unread ones, newest first" (the list, the unread count, read-all).
CREATE INDEX notifications_by_recipient ON notifications (tenant_id, recipient_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_by_recipient ON notifications (tenant_id, recipient_id, created_at DESC, id DESC)
    WHERE read_at IS NULL;
-- Retention: the oldest first, per tenant.
CREATE INDEX notifications_by_age ON notifications (tenant_id, created_at);

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notifications
    USING (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid);
