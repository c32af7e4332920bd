-- The knowledge base (§9, §10): articles staff write as drafts or publish, and customers search. Tenant-leading keys
-- and forced row-level security like every tenant table (V001).

CREATE TABLE kb_articles (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    id         uuid        NOT NULL,
    title      text        NOT NULL,
    body       text        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('draft', 'published')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    -- Title words weigh A and body words B, so ts_rank ranks a title match above a body match; 'simple' folds case
    -- and stems nothing, like ticket search, so it serves every language a tenant writes in.
    search     tsvector    GENERATED ALWAYS AS (
                   setweight(to_tsvector('simple', title), 'A') ||
                   setweight(to_tsvector('simple', body), 'B')) STORED,
    PRIMARY KEY (tenant_id, id)
);
-- Search: staff over every article, customers over the published ones (the partial index their queries name).
CREATE INDEX kb_articles_search ON kb_articles USING gin (tenant_id, search);
CREATE INDEX kb_articles_published_search ON kb_articles USING gin (tenant_id, search) WHERE status = 'published';
-- The lists without search text: the most recently updated first, all of them or by status.
CREATE INDEX kb_articles_by_updated ON kb_articles (tenant_id, updated_at DESC, id DESC);
CREATE INDEX kb_articles_by_status ON kb_articles (tenant_id, status, updated_at DESC, id DESC);

-- Tags in rows of their own, so the tag filter is a btree equality, which row-level security lets an index take
-- (array containment is not leakproof; see docs/adr/0002-leakproof-search-functions.md).
CREATE TABLE kb_article_tags (
    tenant_id  uuid NOT NULL,
    article_id uuid NOT NULL,
    tag        text NOT NULL CHECK (tag ~ '^[a-z0-9][a-z0-9_-]{0,49}$'),
    PRIMARY KEY (tenant_id, article_id, tag),
    FOREIGN KEY (tenant_id, article_id) REFERENCES kb_articles (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX kb_article_tags_by_tag ON kb_article_tags (tenant_id, tag, article_id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['kb_articles', 'kb_article_tags']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I
            USING (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)
            WITH CHECK (tenant_id = NULLIF(current_setting(''supportdesk.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END;
$$;
