-- The queues an agent works, in order of due time, each read from an index in that order (docs/performance.md,
-- "A queue sorted by due time"): their own open tickets, and the unassigned ones of a status. Without them the
-- planner read the tenant's whole due index and filtered it, or sorted every match (p95 170–270 ms at a million
-- tickets). next_due_at ascending puts tickets with no due time last, as the list's "due" sort does.
CREATE INDEX tickets_assignee_by_due ON tickets (tenant_id, assignee_id, next_due_at, id) WHERE deleted_at IS NULL;
CREATE INDEX tickets_unassigned_by_due ON tickets (tenant_id, status, next_due_at, id)
    WHERE deleted_at IS NULL AND assignee_id IS NULL;
