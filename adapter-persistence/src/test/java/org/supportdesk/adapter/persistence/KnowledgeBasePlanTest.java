package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.tenant.TenantId;

/**
 * With 20,000 articles in one tenant, knowledge-base search reads the GIN indexes, not the whole table, under row-level
 * security: each EXPLAIN runs as the application role in a transaction bound to the tenant, and the search operator's
 * function is marked LEAKPROOF as docs/adr/0002 says.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBasePlanTest {
    private static final TenantId TENANT = new TenantId(UUID.fromString("0b0b0b0b-0000-4000-8000-000000000001"));

    private final TestDatabase database;

    KnowledgeBasePlanTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void twenty_thousand_articles() {
        database.createTenant(TENANT, "kb-plans", InstantSource.fixed(Instant.parse("2026-03-01T00:00:00Z")));
        database.transactions().inTransaction(TENANT, () -> {
            database.jdbi().useHandle(handle -> {
                handle.createUpdate(
                                """
                                INSERT INTO kb_articles (tenant_id, id, title, body, status, created_at, updated_at)
                                SELECT :tenant, ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
                                       (ARRAY['Printer', 'Login', 'Invoice', 'Network'])[1 + i % 4] || ' guide a' || i,
                                       'How to fix the ' || (ARRAY['screen', 'keyboard', 'server', 'cable'])[1 + i % 4]
                                           || ' problem number b' || i || ' quickly and safely.',
                                       CASE WHEN i % 3 = 0 THEN 'draft' ELSE 'published' END,
                                       timestamptz '2024-01-01' + i * interval '1 minute',
                                       timestamptz '2024-01-01' + i * interval '1 minute'
                                  FROM generate_series(1, 20000) i
                                """)
                        .bind("tenant", TENANT.value())
                        .execute();
                handle.createUpdate(
                                """
                                INSERT INTO kb_article_tags (tenant_id, article_id, tag)
                                SELECT :tenant, id, 'tag' || (abs(hashtext(id::text)) % 100) FROM kb_articles
                                """)
                        .bind("tenant", TENANT.value())
                        .execute();
            });
            return null;
        });
        database.jdbi().useHandle(handle -> handle.execute("VACUUM ANALYZE kb_articles, kb_article_tags"));
    }

    @Test
    void the_customers_search_reads_the_published_search_index() {
        String plan = explain(
                "searchPublished",
                Map.of(
                        "query",
                        JdbiKnowledgeBase.allWords(words("b12345")),
                        "options",
                        JdbiKnowledgeBase.HEADLINE_OPTIONS));

        assertThat(plan).doesNotContain("Seq Scan on kb_articles").contains("kb_articles_published_search");
    }

    @Test
    void suggestions_read_the_published_search_index() {
        String plan = explain(
                "searchPublished",
                Map.of(
                        "query",
                        JdbiKnowledgeBase.anyWord(words("a12 b999")),
                        "options",
                        JdbiKnowledgeBase.HEADLINE_OPTIONS));

        assertThat(plan).doesNotContain("Seq Scan on kb_articles").contains("kb_articles_published_search");
    }

    @Test
    void the_staffs_search_reads_the_search_index() {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("query", JdbiKnowledgeBase.allWords(words("a12345")));
        bindings.put("statuses", null);
        bindings.put("tag", null);
        String plan = explain("search", bindings);

        assertThat(plan).doesNotContain("Seq Scan on kb_articles").contains("kb_articles_search");
    }

    /** The page walks the status index under its limit; the exact total may count the matches any way it likes. */
    @Test
    void the_first_page_of_published_articles_walks_the_status_index_under_a_limit() {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("query", null);
        bindings.put("options", JdbiKnowledgeBase.HEADLINE_OPTIONS);
        String plan = explain("browsePublished", bindings);

        assertThat(plan)
                .containsPattern("Limit[\\s\\S]*Index (Only )?Scan using kb_articles_by_status ")
                .doesNotContain("Sort Key: a");
    }

    private static SearchText words(String raw) {
        return SearchText.parse("q", raw).orElseThrow();
    }

    /** The plan of a {@link KnowledgeBaseDao} query for the first page of 20, with {@code bindings}. */
    private String explain(String method, Map<String, Object> bindings) {
        Method query = Arrays.stream(KnowledgeBaseDao.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(method))
                .findFirst()
                .orElseThrow();
        String sql = query.getAnnotation(SqlQuery.class).value();
        Map<String, Object> all = new HashMap<>(bindings);
        all.put("tenant", TENANT.value());
        all.put("limit", 20);
        all.put("offset", 0L);
        return database.transactions().inTransaction(TENANT, () -> database.jdbi()
                .withHandle(handle -> handle.createQuery("EXPLAIN " + sql).bindMap(all).mapTo(String.class).stream()
                        .collect(Collectors.joining("\n"))));
    }
}
