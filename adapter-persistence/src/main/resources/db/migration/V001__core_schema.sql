-- The core schema. Every tenant table carries tenant_id; every primary key, foreign key and query index leads with it,
-- so no row can point into another tenant and the schema can be distributed by tenant_id (see docs/persistence.md).

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
-- Lets GIN indexes lead with tenant_id like every other index.
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;

-- Tenants are looked up by slug at sign-in, before any tenant is known: this table has no tenant row-level security.
CREATE TABLE tenants (
    id         uuid        PRIMARY KEY,
    slug       text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name       text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE tenant_settings (
    tenant_id          uuid        PRIMARY KEY REFERENCES tenants (id),
    reopen_window_days integer     NOT NULL CHECK (reopen_window_days > 0),
    auto_close_days    integer     NOT NULL CHECK (auto_close_days > 0),
    updated_at         timestamptz NOT NULL
);

CREATE TABLE categories (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    slug      text NOT NULL,
    PRIMARY KEY (tenant_id, slug)
);

CREATE TABLE organizations (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    id             uuid        NOT NULL,
    name           text        NOT NULL,
    shared_tickets boolean     NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE users (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    id              uuid        NOT NULL,
    email           text        NOT NULL,
    name            text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('customer', 'agent', 'admin')),
    organization_id uuid,
    password_hash   text,
    active          boolean     NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, email),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
    CHECK (role = 'customer' OR organization_id IS NULL)
);
CREATE INDEX users_name_trgm ON users USING gin (tenant_id, name gin_trgm_ops);

-- One counter row per tenant. Taking a number locks the row until the filing commits; a rolled-back filing leaves
-- the counter where it was, so numbers are never reused.
CREATE TABLE ticket_number_counters (
    tenant_id  uuid   PRIMARY KEY REFERENCES tenants (id),
    last_value bigint NOT NULL
);

CREATE TABLE tickets (
    tenant_id                 uuid        NOT NULL REFERENCES tenants (id),
    id                        uuid        NOT NULL,
    number_year               integer     NOT NULL,
    number_sequence           bigint      NOT NULL CHECK (number_sequence > 0),
    number                    text        GENERATED ALWAYS AS (
                                  'TKT-' || number_year || '-' || CASE WHEN number_sequence < 1000000
                                      THEN lpad(number_sequence::text, 6, '0') ELSE number_sequence::text END) STORED,
    subject                   text        NOT NULL,
    description               text        NOT NULL,
    category                  text        NOT NULL,
    priority                  text        NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    priority_rank             smallint    GENERATED ALWAYS AS (CASE priority
                                  WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 4 END) STORED,
    status                    text        NOT NULL CHECK (status IN
                                  ('new', 'in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed')),
    requester_id              uuid        NOT NULL,
    organization_id           uuid,
    assignee_id               uuid,
    assigned_at               timestamptz,
    source                    text        NOT NULL,
    page_url                  text,
    browser_info              text,
    -- json, not jsonb: it keeps the text exactly as the domain gave it.
    custom_fields             json        NOT NULL,
    follow_up_of              uuid,
    escalated_at              timestamptz,
    escalation_reason         text,
    sla_policy_version        integer     NOT NULL,
    sla_calendar_version      integer     NOT NULL,
    first_response_due_at     timestamptz,
    resolution_due_at         timestamptz,
    first_response_breached_at timestamptz,
    resolution_breached_at    timestamptz,
    first_responded_at        timestamptz,
    resolved_at               timestamptz,
    closed_at                 timestamptz,
    sla_breached              boolean     GENERATED ALWAYS AS
                                  (first_response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL) STORED,
    -- The nearer of the open due times: what "sort by due" orders by; NULL (nothing due) sorts last.
    next_due_at               timestamptz GENERATED ALWAYS AS (LEAST(first_response_due_at, resolution_due_at)) STORED,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL,
    last_message_at           timestamptz,
    messages_count            integer     NOT NULL,
    deleted_at                timestamptz,
    version                   bigint      NOT NULL,
    search                    tsvector    GENERATED ALWAYS AS (
                                  setweight(to_tsvector('simple', subject), 'A') ||
                                  setweight(to_tsvector('simple', description), 'B')) STORED,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, number_sequence),
    FOREIGN KEY (tenant_id, requester_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
    FOREIGN KEY (tenant_id, assignee_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, follow_up_of) REFERENCES tickets (tenant_id, id),
    FOREIGN KEY (tenant_id, category) REFERENCES categories (tenant_id, slug),
    CHECK ((assignee_id IS NULL) = (assigned_at IS NULL)),
    CHECK ((escalated_at IS NULL) = (escalation_reason IS NULL))
);
-- Lookups by number, and prefix search on it.
CREATE UNIQUE INDEX tickets_number ON tickets (tenant_id, number text_pattern_ops);
-- The first page of each sort (live tickets only), ties broken by id.
CREATE INDEX tickets_by_created ON tickets (tenant_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX tickets_by_updated ON tickets (tenant_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX tickets_by_priority ON tickets (tenant_id, priority_rank, id) WHERE deleted_at IS NULL;
CREATE INDEX tickets_by_due ON tickets (tenant_id, next_due_at, id) WHERE deleted_at IS NULL;
-- Selective filters.
CREATE INDEX tickets_by_assignee ON tickets (tenant_id, assignee_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX tickets_by_requester ON tickets (tenant_id, requester_id, created_at) WHERE deleted_at IS NULL;
CREATE INDEX tickets_by_organization ON tickets (tenant_id, organization_id, created_at)
    WHERE deleted_at IS NULL AND organization_id IS NOT NULL;
CREATE INDEX tickets_by_status ON tickets (tenant_id, status, created_at) WHERE deleted_at IS NULL;
CREATE INDEX tickets_escalated ON tickets (tenant_id, escalated_at) WHERE deleted_at IS NULL AND escalated_at IS NOT NULL;
CREATE INDEX tickets_breached ON tickets (tenant_id, created_at) WHERE deleted_at IS NULL AND sla_breached;
CREATE INDEX tickets_search ON tickets USING gin (tenant_id, search);
CREATE INDEX tickets_subject_trgm ON tickets USING gin (tenant_id, subject gin_trgm_ops);
-- Auto-close candidates.
CREATE INDEX tickets_resolved ON tickets (tenant_id, resolved_at) WHERE status = 'resolved' AND deleted_at IS NULL;
-- The breach scan: open clocks whose cached due time may have passed, breach not yet recorded.
CREATE INDEX tickets_first_response_due ON tickets (first_response_due_at)
    WHERE first_response_breached_at IS NULL AND first_responded_at IS NULL AND deleted_at IS NULL
      AND status NOT IN ('resolved', 'closed');
CREATE INDEX tickets_resolution_due ON tickets (resolution_due_at)
    WHERE resolution_breached_at IS NULL AND deleted_at IS NULL AND status IN ('new', 'in_progress');

CREATE TABLE tags (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id        uuid NOT NULL,
    name      text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,49}$'),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

CREATE TABLE ticket_tags (
    tenant_id uuid NOT NULL,
    ticket_id uuid NOT NULL,
    tag_id    uuid NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id, tag_id),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id),
    FOREIGN KEY (tenant_id, tag_id) REFERENCES tags (tenant_id, id)
);
CREATE INDEX ticket_tags_by_tag ON ticket_tags (tenant_id, tag_id, ticket_id);

CREATE TABLE messages (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    ticket_id        uuid        NOT NULL,
    author_id        uuid,
    author_name      text        NOT NULL,
    author_role      text        CHECK (author_role IN ('customer', 'agent', 'admin')),
    kind             text        NOT NULL CHECK (kind IN ('public', 'internal', 'system')),
    customer_visible boolean     NOT NULL,
    body             text        NOT NULL,
    via              text        NOT NULL,
    is_resolution    boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    search           tsvector    GENERATED ALWAYS AS (setweight(to_tsvector('simple', body), 'C')) STORED,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id),
    FOREIGN KEY (tenant_id, author_id) REFERENCES users (tenant_id, id),
    CHECK ((author_id IS NULL) = (author_role IS NULL)),
    CHECK (kind <> 'internal' OR NOT customer_visible)
);
CREATE INDEX messages_conversation ON messages (tenant_id, ticket_id, created_at, id);
CREATE INDEX messages_search ON messages USING gin (tenant_id, search);

-- The journal: one append-only record of every change and staff action. Status history and the audit log are views.
CREATE TABLE journal (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    id             uuid        NOT NULL,
    actor_id       uuid,
    actor_name     text        NOT NULL,
    actor_role     text,
    action         text        NOT NULL,
    target_kind    text        NOT NULL,
    target_id      uuid        NOT NULL,
    changes        jsonb       NOT NULL,
    correlation_id text        NOT NULL,
    at             timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX journal_by_target ON journal (tenant_id, target_id, at, id);
CREATE INDEX journal_by_action ON journal (tenant_id, action, at);
CREATE INDEX journal_by_actor ON journal (tenant_id, actor_id, at);

CREATE FUNCTION journal_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER journal_no_update BEFORE UPDATE OR DELETE ON journal
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();

CREATE TABLE outbox (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    id              uuid        NOT NULL,
    topic           text        NOT NULL,
    ticket_id       uuid        NOT NULL,
    audiences       text[]      NOT NULL,
    dedup_key       text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    parked_at       timestamptz,
    last_error      text,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, dedup_key),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id)
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL AND parked_at IS NULL;

CREATE TABLE idempotency_keys (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    caller      text        NOT NULL,
    method      text        NOT NULL,
    path        text        NOT NULL,
    key         text        NOT NULL,
    fingerprint text        NOT NULL,
    status      integer     NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, caller, method, path, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (created_at);

-- Row-level security: a transaction sees and writes only the rows of the tenant it set in supportdesk.tenant_id.
-- FORCE binds the tables' owner too; with the setting absent, nothing is visible.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['tenant_settings', 'categories', 'organizations', 'users', 'ticket_number_counters',
        'tickets', 'tags', 'ticket_tags', 'messages', 'journal', 'outbox', 'idempotency_keys']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)
            WITH CHECK (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END;
$$;
