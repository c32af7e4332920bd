-- Every entry is chained now (V131 chained those written before V130): from here on an entry cannot be stored outside
-- the chain, nor two at one position.
ALTER TABLE journal
    ALTER COLUMN seq SET NOT NULL,
    ALTER COLUMN content_digest SET NOT NULL,
    ALTER COLUMN chain_hash SET NOT NULL,
    ADD CONSTRAINT journal_chain_position UNIQUE (tenant_id, seq);
