package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleFilter;
import org.supportdesk.domain.kb.ArticleHit;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.kb.Snippet;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The knowledge base in PostgreSQL: articles, their tags in rows of their own, and full-text search over a weighted
 * {@code tsvector} with {@code ts_rank} and {@code ts_headline} (see {@link KnowledgeBaseDao}).
 */
public final class JdbiKnowledgeBase implements KnowledgeBase {
    /**
     * How {@code ts_headline} marks matches: with the two control characters {@link Snippet} reads, which no article
     * contains, never with markup, so nothing an article says can pass for a highlight.
     */
    static final String HEADLINE_OPTIONS = "StartSel=" + Snippet.MATCH_START + ", StopSel=" + Snippet.MATCH_END
            + ", MaxWords=" + Snippet.MAX_WORDS + ", MinWords=15";

    private final TenantScope scope;

    JdbiKnowledgeBase(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public void add(Article article) {
        KnowledgeBaseDao dao = dao(article.tenant());
        ArticleRow row = ArticleRow.from(article);
        dao.insert(row);
        dao.tag(row.tenantId(), row.id(), row.tags());
    }

    @Override
    public Optional<Article> find(TenantId tenant, ArticleId id) {
        return dao(tenant).find(tenant.value(), id.value()).map(ArticleRow::toDomain);
    }

    @Override
    public void update(Article article) {
        KnowledgeBaseDao dao = dao(article.tenant());
        ArticleRow row = ArticleRow.from(article);
        if (dao.update(row) == 0) {
            throw new IllegalArgumentException("no article " + article.id());
        }
        dao.untag(row.tenantId(), row.id());
        dao.tag(row.tenantId(), row.id(), row.tags());
    }

    @Override
    public void delete(TenantId tenant, ArticleId id) {
        KnowledgeBaseDao dao = dao(tenant);
        dao.untag(tenant.value(), id.value());
        dao.delete(tenant.value(), id.value());
    }

    @Override
    public Page<Article> list(TenantId tenant, ArticleFilter filter, PageRequest page) {
        KnowledgeBaseDao dao = dao(tenant);
        String[] statuses = filter.statuses().isEmpty()
                ? null
                : filter.statuses().stream()
                        .map(ArticleStatus::wireName)
                        .sorted()
                        .toArray(String[]::new);
        String tag = filter.tag().orElse(null);
        List<ArticleRows.Listed> rows = filter.text()
                .map(text -> dao.search(tenant.value(), allWords(text), statuses, tag, page.limit(), page.offset()))
                .orElseGet(() -> dao.list(tenant.value(), statuses, tag, page.limit(), page.offset()));
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        List<Article> items = rows.stream()
                .map(ArticleRows.Listed::article)
                .flatMap(Optional::stream)
                .map(ArticleRow::toDomain)
                .collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), total);
    }

    @Override
    public Page<ArticleHit> searchPublished(TenantId tenant, Optional<SearchText> text, PageRequest page) {
        KnowledgeBaseDao dao = dao(tenant);
        List<ArticleRows.Hit> rows = text.map(words -> dao.searchPublished(
                        tenant.value(), allWords(words), HEADLINE_OPTIONS, page.limit(), page.offset()))
                .orElseGet(
                        () -> dao.browsePublished(tenant.value(), null, HEADLINE_OPTIONS, page.limit(), page.offset()));
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        return new Page<>(hits(rows), page.page(), page.limit(), total);
    }

    @Override
    public List<ArticleHit> suggestPublished(TenantId tenant, SearchText text, int limit) {
        return hits(dao(tenant).searchPublished(tenant.value(), anyWord(text), HEADLINE_OPTIONS, limit, 0));
    }

    @Override
    public Set<ArticleId> publishedAmong(TenantId tenant, Set<ArticleId> articles) {
        UUID[] ids = articles.stream().map(ArticleId::value).toArray(UUID[]::new);
        return dao(tenant).publishedAmong(tenant.value(), ids).stream()
                .map(ArticleId::new)
                .collect(Collectors.toSet());
    }

    /**
     * A {@code tsquery} that needs every word. The words are letters and digits only ({@link SearchText}), so none of
     * them is an operator, and the query is bound as a parameter all the same.
     */
    static String allWords(SearchText text) {
        return String.join(" & ", text.terms());
    }

    /** A {@code tsquery} that needs any word, the last one (still being typed) as a prefix. */
    static String anyWord(SearchText text) {
        List<String> terms = text.terms();
        return String.join(" | ", terms.subList(0, terms.size() - 1))
                + (terms.size() > 1 ? " | " : "")
                + text.lastTerm()
                + ":*";
    }

    private static List<ArticleHit> hits(List<ArticleRows.Hit> rows) {
        return rows.stream().map(ArticleRows.Hit::hit).flatMap(Optional::stream).collect(Collectors.toList());
    }

    private KnowledgeBaseDao dao(TenantId tenant) {
        return scope.dao(tenant, KnowledgeBaseDao.class);
    }
}
