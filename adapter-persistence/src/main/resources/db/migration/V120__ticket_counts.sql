-- Live tickets per tenant and status, kept by triggers on tickets (docs/adr/0021-million-ticket-tenant.md). The list's
-- exact total for no filter or a status filter alone reads these few rows instead of counting a million index entries.
CREATE TABLE ticket_counts (
    tenant_id uuid   NOT NULL REFERENCES tenants (id),
    status    text   NOT NULL CHECK (status IN
                  ('new', 'in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed')),
    -- Never negative; no CHECK says so, because INSERT … ON CONFLICT checks the row it proposes, and the trigger
    -- proposes a status's change (which may be a decrease) to add to the existing row.
    tickets   bigint NOT NULL,
    PRIMARY KEY (tenant_id, status)
);

ALTER TABLE ticket_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ticket_counts
    USING (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid);

-- A ticket counts under its status while it is not deleted. One statement-level trigger per kind of change adds up
-- what the whole statement did (one counter write for a bulk insert, none for an update that moved no ticket between
-- statuses); the rows it changes are taken in key order, so two transactions moving tickets in opposite directions
-- cannot deadlock. The counter rows serialise a tenant's status changes until commit, as the change feed's counter
-- row (V100) already does for every journalled change.
CREATE FUNCTION count_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO ticket_counts AS c (tenant_id, status, tickets)
        SELECT tenant_id, status, count(*) FROM came WHERE deleted_at IS NULL
         GROUP BY tenant_id, status ORDER BY tenant_id, status
        ON CONFLICT (tenant_id, status) DO UPDATE SET tickets = c.tickets + excluded.tickets;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO ticket_counts AS c (tenant_id, status, tickets)
        SELECT tenant_id, status, sum(delta) FROM (
            SELECT tenant_id, status, -1 AS delta FROM gone WHERE deleted_at IS NULL
            UNION ALL
            SELECT tenant_id, status, 1 FROM came WHERE deleted_at IS NULL) moved
         GROUP BY tenant_id, status HAVING sum(delta) <> 0 ORDER BY tenant_id, status
        ON CONFLICT (tenant_id, status) DO UPDATE SET tickets = c.tickets + excluded.tickets;
    ELSE
        UPDATE ticket_counts c SET tickets = c.tickets - g.tickets
          FROM (SELECT tenant_id, status, count(*) AS tickets FROM gone WHERE deleted_at IS NULL
                 GROUP BY tenant_id, status) g
         WHERE c.tenant_id = g.tenant_id AND c.status = g.status;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER tickets_counted_on_insert AFTER INSERT ON tickets
    REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION count_tickets();
CREATE TRIGGER tickets_counted_on_update AFTER UPDATE ON tickets
    REFERENCING OLD TABLE AS gone NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION count_tickets();
CREATE TRIGGER tickets_counted_on_delete AFTER DELETE ON tickets
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION count_tickets();

-- The backfill reads every tenant's rows at once, which row-level security (forced on the owner too) would hide; the
-- owner lifts the force for this one statement inside the migration's transaction, as V030 does.
ALTER TABLE tickets NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ticket_counts NO FORCE ROW LEVEL SECURITY;
INSERT INTO ticket_counts (tenant_id, status, tickets)
SELECT tenant_id, status, count(*) FROM tickets WHERE deleted_at IS NULL GROUP BY tenant_id, status;
ALTER TABLE ticket_counts FORCE ROW LEVEL SECURITY;
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;
