-- Customer feedback (§9, CSAT): the requester rates a resolved or closed ticket once. It is part of the ticket, as its
-- escalation is, so the ticket list's own filter SQL can average it for the stats (§10) without another join.
ALTER TABLE tickets
    ADD COLUMN feedback_rating  smallint CHECK (feedback_rating BETWEEN 1 AND 5),
    ADD COLUMN feedback_comment text,
    ADD COLUMN feedback_at      timestamptz,
    ADD CONSTRAINT tickets_feedback_whole CHECK ((feedback_rating IS NULL) = (feedback_at IS NULL)
        AND (feedback_comment IS NULL OR feedback_rating IS NOT NULL));

-- The audit log (§10 /audit-log): the staff and admin entries of the journal, newest first, a page at a time with an
-- exact total. Its unfiltered first page and count read this index alone (scanned backwards for newest first); the
-- actor, action and target filters use journal_by_actor, journal_by_action and journal_by_target.
CREATE INDEX journal_audit_log ON journal (tenant_id, at, id) WHERE actor_role IN ('agent', 'admin');
