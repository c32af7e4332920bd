-- A ticket may name its related article (§3). Deleting an article a ticket names is refused (409); the foreign key
-- backs that check up.
ALTER TABLE tickets ADD COLUMN related_article_id uuid;
ALTER TABLE tickets ADD CONSTRAINT tickets_related_article
    FOREIGN KEY (tenant_id, related_article_id) REFERENCES kb_articles (tenant_id, id);
CREATE INDEX tickets_by_related_article ON tickets (tenant_id, related_article_id)
    WHERE related_article_id IS NOT NULL;
