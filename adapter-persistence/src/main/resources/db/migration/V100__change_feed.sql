-- The change feed (§16; docs/adr/0017, docs/live-events.md): every journalled change appends one event in its own
-- transaction. A tenant's cursors are 1, 2, 3 … with no holes: the next one comes from the tenant's counter row, whose
-- lock the appending transaction holds until it ends, so events become visible in cursor order and a rollback gives
-- its number back.

CREATE TABLE change_counters (
    tenant_id uuid   NOT NULL PRIMARY KEY REFERENCES tenants (id),
    newest    bigint NOT NULL CHECK (newest > 0)
);

CREATE TABLE change_events (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    cursor        bigint      NOT NULL CHECK (cursor > 0),
    type          text        NOT NULL,
    ticket_id     uuid,
    version       bigint,
    at            timestamptz NOT NULL,
    -- What staff are told, and what a customer is told (NULL: customers never are); json, not jsonb: the text is
    -- served as written.
    data          json        NOT NULL,
    customer_data json,
    -- The one customer an event about no ticket of theirs concerns (their call-back request).
    customer_id   uuid,
    PRIMARY KEY (tenant_id, cursor)
);
-- Retention: the oldest first, per tenant.
CREATE INDEX change_events_by_age ON change_events (tenant_id, at);

ALTER TABLE change_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON change_counters
    USING (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid);

ALTER TABLE change_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON change_events
    USING (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid);

-- Stream tickets: single-use, short-lived stand-ins for a bearer token on an event stream (a browser's EventSource sends
-- no headers). Only the SHA-256 of a ticket's secret part is kept.
CREATE TABLE stream_tickets (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    digest     text        NOT NULL,
    user_id    uuid        NOT NULL,
    role       text        NOT NULL,
    expires_at timestamptz NOT NULL,
    spent_at   timestamptz,
    PRIMARY KEY (tenant_id, digest),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX stream_tickets_by_expiry ON stream_tickets (tenant_id, expires_at);

ALTER TABLE stream_tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE stream_tickets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stream_tickets
    USING (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid);
