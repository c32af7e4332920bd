-- The self-reference tickets.follow_up_of is checked on every delete of a ticket; without an index that check reads the
-- whole table. Also serves "the follow-ups of this ticket".
CREATE INDEX tickets_follow_ups ON tickets (tenant_id, follow_up_of) WHERE follow_up_of IS NOT NULL;
