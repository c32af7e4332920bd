-- Erasure and retention (§16 "Privacy that keeps the numbers", docs/audit-and-privacy.md, ADR 0026). Erasure redacts
-- personal data in place and keeps every row, so counts, SLA times and ratings stay as they were.

-- When a person was erased (they keep a pseudonym, and can no longer sign in), and when a ticket's content was.
ALTER TABLE users ADD COLUMN erased_at timestamptz;
ALTER TABLE tickets ADD COLUMN erased_at timestamptz;

-- The retention rule: erase closed tickets' personal data this many days after they closed; NULL keeps it.
ALTER TABLE tenant_settings
    ADD COLUMN erase_closed_after_days integer CHECK (erase_closed_after_days BETWEEN 1 AND 36500);

-- Which closed tickets the retention job erases next.
CREATE INDEX tickets_retention ON tickets (tenant_id, closed_at) WHERE status = 'closed' AND erased_at IS NULL;

-- The id of the journal entry of the erasure that redacted an entry's actor name and changes. The chain covers
-- those two only through content_digest, so a redacted entry still chains; the walk accepts its content only in the
-- redacted form (every value "[erased]"), so a redaction can remove what an entry said but never rewrite it.
ALTER TABLE journal ADD COLUMN redacted_by uuid;

-- The journal stays append-only, but for that one update: a row not yet redacted gets its redaction, and nothing
-- else about it changes.
CREATE FUNCTION journal_allows_only_redaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.redacted_by IS NULL AND NEW.redacted_by IS NOT NULL
        AND (NEW.tenant_id, NEW.id, NEW.actor_id, NEW.actor_role, NEW.action, NEW.target_kind, NEW.target_id,
             NEW.correlation_id, NEW.at, NEW.seq, NEW.content_digest, NEW.chain_hash)
            IS NOT DISTINCT FROM
            (OLD.tenant_id, OLD.id, OLD.actor_id, OLD.actor_role, OLD.action, OLD.target_kind, OLD.target_id,
             OLD.correlation_id, OLD.at, OLD.seq, OLD.content_digest, OLD.chain_hash)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the journal is append-only: only a redaction may update an entry' USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER journal_no_update ON journal;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_only_redaction BEFORE UPDATE ON journal
    FOR EACH ROW EXECUTE FUNCTION journal_allows_only_redaction();

-- The entries one erasure redacted, read back for the digest its own entry records.
CREATE INDEX journal_redacted ON journal (tenant_id, redacted_by, seq) WHERE redacted_by IS NOT NULL;
