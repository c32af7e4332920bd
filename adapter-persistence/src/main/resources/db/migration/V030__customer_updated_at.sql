-- When a ticket last changed in a way its requester can see (§8): a customer's updated_at must not move on internal
-- notes, assignments or escalations. Existing tickets start from their last customer-visible message, or their filing.
ALTER TABLE tickets ADD COLUMN customer_updated_at timestamptz;

-- The backfill reads every tenant's rows at once, which row-level security (forced on the owner too) would hide;
-- the owner lifts the force for this one statement inside the migration's transaction.
ALTER TABLE tickets NO FORCE ROW LEVEL SECURITY;
ALTER TABLE messages NO FORCE ROW LEVEL SECURITY;
UPDATE tickets t
   SET customer_updated_at = COALESCE(
           (SELECT max(m.created_at) FROM messages m
             WHERE m.tenant_id = t.tenant_id AND m.ticket_id = t.id AND m.customer_visible),
           t.created_at);
ALTER TABLE messages FORCE ROW LEVEL SECURITY;
ALTER TABLE tickets FORCE ROW LEVEL SECURITY;

ALTER TABLE tickets ALTER COLUMN customer_updated_at SET NOT NULL;
