-- Indexes of the ticket list and search (JdbiTicketQueries, docs/persistence.md "Indexes").

-- "sort=-due": nearest due time last-first with tickets that have nothing due still last. tickets_by_due scanned
-- backwards would put the NULLs first, so the descending order needs its own index.
CREATE INDEX tickets_by_due_desc ON tickets (tenant_id, next_due_at DESC NULLS LAST, id DESC) WHERE deleted_at IS NULL;

-- Text search on the requester's email (substring, like the name with users_name_trgm).
CREATE INDEX users_email_trgm ON users USING gin (tenant_id, email gin_trgm_ops);
