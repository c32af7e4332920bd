-- Live tickets per tenant, tag and status, kept by triggers (docs/adr/0021-million-ticket-tenant.md). The exact total
-- of a list narrowed by a tag, with or without statuses and by nothing else, adds up a few rows instead of
-- counting every tagged ticket: the commonest tags of a million-ticket tenant are on 50,000–130,000 tickets each
-- (p95 86 ms counted, docs/performance.md).
CREATE TABLE ticket_tag_counts (
    tenant_id uuid   NOT NULL REFERENCES tenants (id),
    -- No reference to tags: the counters only add up ticket_tags, which references the tag.
    tag_id    uuid   NOT NULL,
    status    text   NOT NULL CHECK (status IN
                  ('new', 'in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed')),
    -- The transaction that wrote the row: a key's count is the sum of its rows, one per writer (see below).
    writer    bigint NOT NULL,
    tickets   bigint NOT NULL,
    PRIMARY KEY (tenant_id, tag_id, status, writer)
);

ALTER TABLE ticket_tag_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_tag_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ticket_tag_counts
    USING (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('supportdesk.tenant_id', true), '')::uuid);

-- Adds changes to the counts without waiting for any other transaction. One row per key would be taken by a tagging
-- statement and by a tagged ticket's status change, two statements of one save, in whatever order their keys fall, so
-- two saves could deadlock on them (ticket_counts has one statement per save, and takes its rows in key order). Here a
-- transaction writes only a row of its own for each key (keyed by its id), folding into it, in the same statement, the
-- key's committed rows that no other transaction is folding at that moment (SKIP LOCKED): a key keeps about as many
-- rows as it has writers at once, and a count read from any snapshot is the sum of what committed before it.
--
-- This function and add_taggings_to_counts below are PL/pgSQL, whose statements' plans a session keeps; an SQL
-- function's body is planned again on every call.
CREATE FUNCTION add_to_tag_counts(tenants uuid[], tags uuid[], statuses text[], changes bigint[])
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    WITH change AS (
        SELECT tenant_id, tag_id, status, tickets
          FROM unnest(tenants, tags, statuses, changes) AS change (tenant_id, tag_id, status, tickets)),
    folded AS (
        SELECT c.tenant_id, c.tag_id, c.status, c.writer
          FROM ticket_tag_counts c JOIN change USING (tenant_id, tag_id, status)
         WHERE c.writer <> txid_current()
           FOR UPDATE OF c SKIP LOCKED),
    gone AS (
        DELETE FROM ticket_tag_counts c USING folded f
         WHERE c.tenant_id = f.tenant_id AND c.tag_id = f.tag_id AND c.status = f.status AND c.writer = f.writer
        RETURNING c.tenant_id, c.tag_id, c.status, c.tickets)
    INSERT INTO ticket_tag_counts AS c (tenant_id, tag_id, status, writer, tickets)
    SELECT tenant_id, tag_id, status, txid_current(), sum(tickets)
      FROM (SELECT * FROM change UNION ALL SELECT * FROM gone) moved
     GROUP BY 1, 2, 3 HAVING sum(tickets) <> 0
    ON CONFLICT (tenant_id, tag_id, status, writer) DO UPDATE SET tickets = c.tickets + excluded.tickets;
END;
$$;

-- A tag counts a ticket under the ticket's status while the ticket is tagged and not deleted. Tagging and untagging
-- are counted by statement (a save that changes a ticket's tags runs both; one that tags or untags nothing adds
-- nothing); a ticket's own change only when it moves the ticket between statuses or in or out of deletion (a row
-- trigger with that WHEN, so a reply or a note runs no trigger at all). A ticket cannot be removed while tagged
-- (ticket_tags references it without cascade), so untagging always finds the ticket it untags.
--
-- Each tagging's ticket is looked up by its key, one probe per row: joined to the transition table (which row-level
-- security filters, so the planner guessed it at a handful of rows), a bulk tagging of tickets loaded since the last
-- ANALYZE was planned as a loop over all the tenant's tickets per row (9 s for 6,666 tags on 200,000 new tickets).
CREATE FUNCTION add_taggings_to_counts(taggings ticket_tags[], direction integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_to_tag_counts(array_agg(tenant_id), array_agg(tag_id), array_agg(status), array_agg(tickets))
      FROM (SELECT tenant_id, tag_id, status, direction * count(*) AS tickets
              FROM (SELECT tt.tenant_id, tt.tag_id,
                           (SELECT t.status FROM tickets t
                             WHERE t.tenant_id = tt.tenant_id AND t.id = tt.ticket_id AND t.deleted_at IS NULL) AS status
                      FROM unnest(taggings) tt) tagging
             WHERE status IS NOT NULL
             GROUP BY 1, 2, 3) counted
    HAVING count(*) > 0;
END;
$$;

-- Each transition table is named only in its own branch: PL/pgSQL plans a statement when it first runs it, and each
-- of the two triggers has only one of them.
CREATE FUNCTION count_tagged_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM add_taggings_to_counts(ARRAY(SELECT CAST(came AS ticket_tags) FROM came), 1);
    ELSE
        PERFORM add_taggings_to_counts(ARRAY(SELECT CAST(gone AS ticket_tags) FROM gone), -1);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER ticket_tags_counted_on_insert AFTER INSERT ON ticket_tags
    REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION count_tagged_tickets();
CREATE TRIGGER ticket_tags_counted_on_delete AFTER DELETE ON ticket_tags
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION count_tagged_tickets();

CREATE FUNCTION count_moved_tagged_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_to_tag_counts(array_agg(tenant_id), array_agg(tag_id), array_agg(status), array_agg(tickets))
       FROM (SELECT tt.tenant_id, tt.tag_id, moved.status, sum(moved.delta) AS tickets
               FROM ticket_tags tt,
                    (SELECT OLD.status AS status, -1 AS delta WHERE OLD.deleted_at IS NULL
                     UNION ALL
                     SELECT NEW.status, 1 WHERE NEW.deleted_at IS NULL) moved
              WHERE tt.tenant_id = NEW.tenant_id AND tt.ticket_id = NEW.id
              GROUP BY 1, 2, 3 HAVING sum(moved.delta) <> 0) tagged
     HAVING count(*) > 0;
    RETURN NULL;
END;
$$;
CREATE TRIGGER tickets_tag_counted_on_move AFTER UPDATE OF status, deleted_at ON tickets
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION count_moved_tagged_ticket();

-- Counted from the tickets, as V120's backfill (the owner lifts the forced row-level security for it).
ALTER TABLE tickets NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ticket_tags NO FORCE ROW LEVEL SECURITY;
ALTER TABLE ticket_tag_counts NO FORCE ROW LEVEL SECURITY;
INSERT INTO ticket_tag_counts (tenant_id, tag_id, status, writer, tickets)
SELECT tt.tenant_id, tt.tag_id, t.status, txid_current(), count(*)
  FROM ticket_tags tt JOIN tickets t ON t.tenant_id = tt.tenant_id AND t.id = tt.ticket_id
 WHERE t.deleted_at IS NULL
 GROUP BY 1, 2, 3;
ALTER TABLE ticket_tag_counts FORCE ROW LEVEL SECURITY;
ALTER TABLE ticket_tags FORCE ROW LEVEL SECURITY;
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;
