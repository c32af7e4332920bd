-- The list's category filter, and its exact total, without reading the whole tickets table of a large tenant
-- (docs/adr/0021-million-ticket-tenant.md); it also serves the foreign key's check when an admin drops a category.
CREATE INDEX tickets_by_category ON tickets (tenant_id, category, created_at) WHERE deleted_at IS NULL;
