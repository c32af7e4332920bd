-- The outbox dispatcher and the webhooks channel (§13, seed 003, docs/adr/0012).
--
-- An outbox intent (table outbox, written with the change that owes it) is handed to the channels once: in one
-- transaction the dispatcher stores one outbox_deliveries row per channel and recipient and sets the intent's
-- delivered_at (which now means "handed to the channels"). Deliveries are claimed with FOR UPDATE SKIP LOCKED and
-- leased through next_attempt_at while an attempt is in flight.

CREATE TABLE webhooks (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    id            uuid        NOT NULL,
    url           text        NOT NULL,
    events        text[]      NOT NULL CHECK (cardinality(events) > 0),
    description   text        NOT NULL,
    -- AES-GCM under the server's SUPPORTDESK_SECRETS_KEY: the database alone cannot sign.
    sealed_secret text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE outbox_deliveries (
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    id               uuid        NOT NULL,
    intent_id        uuid        NOT NULL,
    channel          text        NOT NULL,
    recipient        text        NOT NULL,
    event_type       text        NOT NULL,
    dedup_key        text        NOT NULL,
    payload          text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('pending', 'failed', 'sent', 'parked')),
    attempts         integer     NOT NULL CHECK (attempts >= 0),
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    sent_at          timestamptz,
    last_status      integer,
    last_duration_ms bigint,
    last_error       text,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, dedup_key)
);

-- The dispatcher's claim: open deliveries due first.
CREATE INDEX outbox_deliveries_due ON outbox_deliveries (tenant_id, next_attempt_at) WHERE state IN ('pending', 'failed');
-- The admin lists: all, by state, by subscription; newest first.
CREATE INDEX outbox_deliveries_listed ON outbox_deliveries (tenant_id, created_at DESC, id DESC);
CREATE INDEX outbox_deliveries_by_state ON outbox_deliveries (tenant_id, state, created_at DESC, id DESC);
CREATE INDEX outbox_deliveries_by_recipient ON outbox_deliveries (tenant_id, recipient, created_at DESC, id DESC);
-- The retention purge.
CREATE INDEX outbox_deliveries_finished ON outbox_deliveries (tenant_id, updated_at) WHERE state IN ('sent', 'parked');
-- Intents not yet handed over, and those handed over (for the purge).
CREATE INDEX outbox_unexpanded ON outbox (tenant_id, created_at) WHERE delivered_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_expanded ON outbox (tenant_id, delivered_at) WHERE delivered_at IS NOT NULL;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['webhooks', 'outbox_deliveries']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)
            WITH CHECK (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END;
$$;
