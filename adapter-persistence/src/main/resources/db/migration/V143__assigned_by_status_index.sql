-- The exact total of an agent's queue of some statuses (their open tickets, the queue they work all day): an
-- index-only count of their tickets of those statuses. tickets_by_assignee has no status, so the total fetched every
-- one of the agent's tickets to read it (p95 94 ms at a million tickets, docs/performance.md). Partial on assigned
-- tickets, so it is never a candidate for the unassigned queues, which V141's tickets_unassigned_by_due serves.
CREATE INDEX tickets_assigned_by_status ON tickets (tenant_id, assignee_id, status)
    WHERE deleted_at IS NULL AND assignee_id IS NOT NULL;
