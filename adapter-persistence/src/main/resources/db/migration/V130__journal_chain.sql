-- The journal's hash chain (§16, docs/adr/0024-hash-chained-journal.md). Each tenant's entries are numbered 1, 2, 3 …
-- (seq) and each carries chain_hash = sha256(previous entry's chain_hash ‖ link), where link is the entry's canonical
-- bytes (JournalChain) with its actor name and changes replaced by their digest (content_digest): erasure may redact
-- those, and the chain must still verify. The first entry's previous hash is 32 zero bytes.
ALTER TABLE journal
    ADD COLUMN seq            bigint,
    ADD COLUMN content_digest bytea,
    ADD COLUMN chain_hash     bytea;

-- A tenant's newest entry: the appending statement advances it, and its row lock, held until the transaction ends,
-- makes a tenant's appends take their turn. The change feed's counter row (V100) already serialises every journalled
-- change the same way, and an append always comes before the feed's in a transaction, so the two cannot deadlock.
CREATE TABLE journal_chain (
    tenant_id uuid   NOT NULL PRIMARY KEY REFERENCES tenants (id),
    seq       bigint NOT NULL CHECK (seq > 0),
    head      bytea  NOT NULL CHECK (octet_length(head) = 32)
);

ALTER TABLE journal_chain ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_chain FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON journal_chain
    USING (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid);
