-- The tenant's ticket counters (V120) also split by the three flags the desk's queues filter on: unassigned,
-- escalated and SLA-breached (docs/performance.md). The exact total of a list narrowed by any of them, with or without
-- statuses and by nothing else, adds up at most 48 counter rows instead of counting every match: the escalated and
-- breached queues of a million-ticket tenant are several hundred thousand tickets each (p50 250–270 ms counted).
ALTER TABLE ticket_counts
    ADD COLUMN unassigned   boolean NOT NULL DEFAULT false,
    ADD COLUMN escalated    boolean NOT NULL DEFAULT false,
    ADD COLUMN sla_breached boolean NOT NULL DEFAULT false,
    DROP CONSTRAINT ticket_counts_pkey,
    ADD PRIMARY KEY (tenant_id, status, unassigned, escalated, sla_breached);
ALTER TABLE ticket_counts
    ALTER COLUMN unassigned DROP DEFAULT,
    ALTER COLUMN escalated DROP DEFAULT,
    ALTER COLUMN sla_breached DROP DEFAULT;

-- As V120's, keyed by the flags too: a ticket counts under its status and flags while it is not deleted; an update
-- that moves no ticket between keys (a reply, a note, a tag) writes no counter.
CREATE OR REPLACE FUNCTION count_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO ticket_counts AS c (tenant_id, status, unassigned, escalated, sla_breached, tickets)
        SELECT tenant_id, status, assignee_id IS NULL, escalated_at IS NOT NULL, sla_breached, count(*)
          FROM came WHERE deleted_at IS NULL
         GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (tenant_id, status, unassigned, escalated, sla_breached)
            DO UPDATE SET tickets = c.tickets + excluded.tickets;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO ticket_counts AS c (tenant_id, status, unassigned, escalated, sla_breached, tickets)
        SELECT tenant_id, status, unassigned, escalated, sla_breached, sum(delta) FROM (
            SELECT tenant_id, status, assignee_id IS NULL AS unassigned, escalated_at IS NOT NULL AS escalated,
                   sla_breached, -1 AS delta
              FROM gone WHERE deleted_at IS NULL
            UNION ALL
            SELECT tenant_id, status, assignee_id IS NULL, escalated_at IS NOT NULL, sla_breached, 1
              FROM came WHERE deleted_at IS NULL) moved
         GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (tenant_id, status, unassigned, escalated, sla_breached)
            DO UPDATE SET tickets = c.tickets + excluded.tickets;
    ELSE
        UPDATE ticket_counts c SET tickets = c.tickets - g.tickets
          FROM (SELECT tenant_id, status, assignee_id IS NULL AS unassigned, escalated_at IS NOT NULL AS escalated,
                       sla_breached, count(*) AS tickets
                  FROM gone WHERE deleted_at IS NULL
                 GROUP BY 1, 2, 3, 4, 5) g
         WHERE c.tenant_id = g.tenant_id AND c.status = g.status AND c.unassigned = g.unassigned
           AND c.escalated = g.escalated AND c.sla_breached = g.sla_breached;
    END IF;
    RETURN NULL;
END;
$$;

-- Recounted from the tickets, as V120's backfill (the owner lifts the forced row-level security for it).
ALTER TABLE tickets NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ticket_counts NO FORCE ROW LEVEL SECURITY;
DELETE FROM ticket_counts;
INSERT INTO ticket_counts (tenant_id, status, unassigned, escalated, sla_breached, tickets)
SELECT tenant_id, status, assignee_id IS NULL, escalated_at IS NOT NULL, sla_breached, count(*)
  FROM tickets WHERE deleted_at IS NULL
 GROUP BY 1, 2, 3, 4, 5;
ALTER TABLE ticket_counts FORCE ROW LEVEL SECURITY;
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;
