-- Reversible merge (§16, ADR 0027): a merged ticket keeps its own rows and points at the ticket it was merged into;
-- what the merge overwrote (status, and when the ticket last changed for staff and for its requester) is kept beside
-- the link, so unmerging restores the ticket exactly. The link and what it keeps are set and cleared together.
ALTER TABLE tickets
    ADD COLUMN merged_into                      uuid,
    ADD COLUMN merged_at                        timestamptz,
    ADD COLUMN status_before_merge              text CHECK (status_before_merge IN
        ('new', 'in_progress', 'waiting_on_customer', 'on_hold', 'resolved')),
    ADD COLUMN updated_at_before_merge          timestamptz,
    ADD COLUMN customer_updated_at_before_merge timestamptz,
    ADD FOREIGN KEY (tenant_id, merged_into) REFERENCES tickets (tenant_id, id),
    ADD CHECK (merged_into <> id),
    ADD CHECK ((merged_into IS NULL) = (merged_at IS NULL)
        AND (merged_into IS NULL) = (status_before_merge IS NULL)
        AND (merged_into IS NULL) = (updated_at_before_merge IS NULL)
        AND (merged_into IS NULL) = (customer_updated_at_before_merge IS NULL)),
    ADD CHECK (merged_into IS NULL OR status = 'closed');

-- A conversation reads the tickets merged into it; the self-reference is also checked on every delete of a ticket.
CREATE INDEX tickets_merged_into ON tickets (tenant_id, merged_into) WHERE merged_into IS NOT NULL;
