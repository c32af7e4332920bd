-- Call-back requests (§9, §10, seed 001): a customer asks to be called now or at a time; staff work them from a queue
-- ordered by when each is due. Tenant-leading keys and forced row-level security like every tenant table (V001).

CREATE TABLE call_requests (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    id           uuid        NOT NULL,
    requester_id uuid        NOT NULL,
    ticket_id    uuid,
    phone        text,
    note         text,
    scheduled_at timestamptz,
    status       text        NOT NULL CHECK (status IN ('requested', 'scheduled', 'done', 'cancelled')),
    assignee_id  uuid,
    outcome      text,
    requested_at timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    -- When the call is due: its time, or for a call wanted now when it was asked for. What the queue orders and the
    -- due window filters by.
    due_at       timestamptz GENERATED ALWAYS AS (COALESCE(scheduled_at, requested_at)) STORED,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, requester_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id),
    FOREIGN KEY (tenant_id, assignee_id) REFERENCES users (tenant_id, id),
    CHECK (status <> 'scheduled' OR scheduled_at IS NOT NULL)
);
-- The staff's queue, soonest due first: all of it, by status, by assignee (or unassigned: NULL sorts in the index too).
CREATE INDEX call_requests_by_due ON call_requests (tenant_id, due_at, id);
CREATE INDEX call_requests_by_status ON call_requests (tenant_id, status, due_at, id);
CREATE INDEX call_requests_by_assignee ON call_requests (tenant_id, assignee_id, due_at, id);
-- A customer's own requests, newest first.
CREATE INDEX call_requests_by_requester ON call_requests (tenant_id, requester_id, requested_at DESC, id DESC);
-- The foreign key to tickets is checked on every change of a ticket's key; and "the calls about this ticket".
CREATE INDEX call_requests_by_ticket ON call_requests (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;

ALTER TABLE call_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE call_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON call_requests
    USING (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid);

-- A call request notifies the agents through the outbox (§13); it need not be about a ticket, so an outbox row is
-- about a ticket, a call, or both.
ALTER TABLE outbox ALTER COLUMN ticket_id DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN call_id uuid;
ALTER TABLE outbox ADD CONSTRAINT outbox_call FOREIGN KEY (tenant_id, call_id) REFERENCES call_requests (tenant_id, id);
ALTER TABLE outbox ADD CONSTRAINT outbox_about_something CHECK (ticket_id IS NOT NULL OR call_id IS NOT NULL);
