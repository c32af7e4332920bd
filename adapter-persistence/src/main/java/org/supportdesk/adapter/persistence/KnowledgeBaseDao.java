package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * SQL of the knowledge base; decisions stay in {@link JdbiKnowledgeBase}. Search text arrives as a {@code tsquery} of
 * plain words ({@code :query}, built from a {@code SearchText}) and is matched by {@code @@} on the weighted {@code
 * search} column, which the GIN indexes serve under row-level security (docs/adr/0002). Ranking: a title that alone
 * matches first, then {@code ts_rank} (title words weigh A, body words B), then the most recently updated, then the
 * greater id. Lists answer their exact total in the same statement; an empty page answers one row with the total only.
 */
@RegisterConstructorMapper(ArticleRow.class)
interface KnowledgeBaseDao {
    String SELECT_ARTICLE =
            """
            SELECT a.tenant_id, a.id, a.title, a.body, a.status, a.created_at, a.updated_at,
                   ARRAY(SELECT g.tag FROM kb_article_tags g
                          WHERE g.tenant_id = a.tenant_id AND g.article_id = a.id ORDER BY g.tag) AS tags
              FROM kb_articles a
            """;

    /** The staff's filters; a null parameter does not filter. */
    String FILTERS =
            """

               AND (CAST(:statuses AS text[]) IS NULL OR a.status = ANY (CAST(:statuses AS text[])))
               AND (CAST(:tag AS text) IS NULL OR EXISTS (
                       SELECT 1 FROM kb_article_tags g
                        WHERE g.tenant_id = :tenant AND g.article_id = a.id AND g.tag = CAST(:tag AS text)))
            """;

    /** Best match first: a title that alone matches, then {@code ts_rank}, then the newest, then the greater id. */
    String BY_RANK =
            """
            ts_filter(a.search, '{a}') @@ to_tsquery('simple', :query) DESC,
                     ts_rank(a.search, to_tsquery('simple', :query)) DESC, a.updated_at DESC, a.id DESC""";

    String BY_UPDATE = "a.updated_at DESC, a.id DESC";

    String ANY_STATUS = "a.tenant_id = :tenant";

    String PUBLISHED = "a.tenant_id = :tenant AND a.status = 'published'";

    String MATCHING = " AND a.search @@ to_tsquery('simple', :query)";

    /** The page's articles, in {@code page}'s order, after the total. */
    String LISTED =
            """
            SELECT total.total, l.*
              FROM total
              LEFT JOIN (
                SELECT a.tenant_id, a.id, a.title, a.body, a.status, a.created_at, a.updated_at, p.position,
                       ARRAY(SELECT g.tag FROM kb_article_tags g
                              WHERE g.tenant_id = a.tenant_id AND g.article_id = a.id ORDER BY g.tag) AS tags
                  FROM kb_articles a JOIN page p ON p.id = a.id
                 WHERE a.tenant_id = :tenant
              ) l ON true
             ORDER BY l.position
            """;

    /**
     * The page's hits, in {@code page}'s order, after the total: the body's headline with the matches between the
     * markers {@code :options} names (two control characters no article contains, removed from the body all the same),
     * and its opening, for a body that does not match.
     */
    String HITS =
            """
            SELECT total.total, h.*
              FROM total
              LEFT JOIN (
                SELECT a.id, a.title, a.updated_at, p.position,
                       CASE WHEN CAST(:query AS text) IS NULL THEN NULL
                            ELSE ts_headline('simple', translate(a.body, chr(2) || chr(3), ''),
                                             to_tsquery('simple', :query), :options) END AS headline,
                       left(a.body, 2000) AS opening
                  FROM kb_articles a JOIN page p ON p.id = a.id
                 WHERE a.tenant_id = :tenant
              ) h ON true
             ORDER BY h.position
            """;

    @SqlQuery(SELECT_ARTICLE + " WHERE a.tenant_id = :tenant AND a.id = :id")
    Optional<ArticleRow> find(UUID tenant, UUID id);

    @SqlUpdate(
            """
            INSERT INTO kb_articles (tenant_id, id, title, body, status, created_at, updated_at)
            VALUES (:tenantId, :id, :title, :body, :status, :createdAt, :updatedAt)
            """)
    void insert(@BindMethods ArticleRow row);

    /** Answers 0 when there is no such article. */
    @SqlUpdate(
            """
            UPDATE kb_articles SET title = :title, body = :body, status = :status, updated_at = :updatedAt
             WHERE tenant_id = :tenantId AND id = :id
            """)
    int update(@BindMethods ArticleRow row);

    @SqlUpdate("DELETE FROM kb_article_tags WHERE tenant_id = :tenant AND article_id = :article")
    void untag(UUID tenant, UUID article);

    @SqlUpdate(
            """
            INSERT INTO kb_article_tags (tenant_id, article_id, tag)
            SELECT :tenant, :article, tag FROM unnest(CAST(:tags AS text[])) AS tag
            """)
    void tag(UUID tenant, UUID article, String[] tags);

    @SqlUpdate("DELETE FROM kb_articles WHERE tenant_id = :tenant AND id = :id")
    void delete(UUID tenant, UUID id);

    /** The staff's list without text: the most recently updated first. */
    @SqlQuery("WITH page AS (SELECT a.id, row_number() OVER (ORDER BY " + BY_UPDATE + ") AS position"
            + " FROM kb_articles a WHERE " + ANY_STATUS + FILTERS + " ORDER BY " + BY_UPDATE
            + " LIMIT :limit OFFSET :offset),\n"
            + "total AS (SELECT count(*) AS total FROM kb_articles a WHERE " + ANY_STATUS + FILTERS + ")\n"
            + LISTED)
    @UseRowMapper(ArticleRows.ListedMapper.class)
    List<ArticleRows.Listed> list(UUID tenant, String[] statuses, String tag, int limit, long offset);

    /** The staff's list with text: every word, best match first. */
    @SqlQuery("WITH page AS (SELECT a.id, row_number() OVER (ORDER BY " + BY_RANK + ") AS position"
            + " FROM kb_articles a WHERE " + ANY_STATUS + MATCHING + FILTERS + " ORDER BY " + BY_RANK
            + " LIMIT :limit OFFSET :offset),\n"
            + "total AS (SELECT count(*) AS total FROM kb_articles a WHERE " + ANY_STATUS + MATCHING + FILTERS
            + ")\n"
            + LISTED)
    @UseRowMapper(ArticleRows.ListedMapper.class)
    List<ArticleRows.Listed> search(UUID tenant, String query, String[] statuses, String tag, int limit, long offset);

    /** The published articles without text, the most recently updated first. */
    @SqlQuery("WITH page AS (SELECT a.id, row_number() OVER (ORDER BY " + BY_UPDATE + ") AS position"
            + " FROM kb_articles a WHERE " + PUBLISHED + " ORDER BY " + BY_UPDATE
            + " LIMIT :limit OFFSET :offset),\n"
            + "total AS (SELECT count(*) AS total FROM kb_articles a WHERE " + PUBLISHED + ")\n"
            + HITS)
    @UseRowMapper(ArticleRows.HitMapper.class)
    List<ArticleRows.Hit> browsePublished(UUID tenant, String query, String options, int limit, long offset);

    /**
     * The published articles that match, best first; {@code status = 'published'} as a literal names the partial
     * index.
     */
    @SqlQuery("WITH page AS (SELECT a.id, row_number() OVER (ORDER BY " + BY_RANK + ") AS position"
            + " FROM kb_articles a WHERE " + PUBLISHED + MATCHING + " ORDER BY " + BY_RANK
            + " LIMIT :limit OFFSET :offset),\n"
            + "total AS (SELECT count(*) AS total FROM kb_articles a WHERE " + PUBLISHED + MATCHING + ")\n"
            + HITS)
    @UseRowMapper(ArticleRows.HitMapper.class)
    List<ArticleRows.Hit> searchPublished(UUID tenant, String query, String options, int limit, long offset);

    @SqlQuery(
            """
            SELECT id FROM kb_articles
             WHERE tenant_id = :tenant AND status = 'published' AND id = ANY (CAST(:ids AS uuid[]))
            """)
    List<UUID> publishedAmong(UUID tenant, UUID[] ids);
}
