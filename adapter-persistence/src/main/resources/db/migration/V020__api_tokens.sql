-- Integration API tokens (§12, §17). A token acts as staff under an identity of its own, a users row that is inactive
-- and has no password, so it can never sign in or be assigned; the secret is kept only as its SHA-256 digest. The
-- secret names its tenant in the clear, so a request looks the digest up inside that tenant's rows and row-level
-- security stays on for this table as for every other.
CREATE TABLE api_tokens (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    id            uuid        NOT NULL,
    name          text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('agent', 'admin')),
    identity_id   uuid        NOT NULL,
    created_by    uuid        NOT NULL,
    secret_digest text        NOT NULL CHECK (secret_digest ~ '^[0-9a-f]{64}$'),
    created_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, secret_digest),
    UNIQUE (tenant_id, identity_id),
    FOREIGN KEY (tenant_id, identity_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);

-- The admin lists of people page through one role at a time in email order.
CREATE INDEX users_by_role ON users (tenant_id, role, email COLLATE "C");

ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_tokens
    USING (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid);
