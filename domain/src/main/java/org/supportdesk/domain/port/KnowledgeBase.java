package org.supportdesk.domain.port;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleFilter;
import org.supportdesk.domain.kb.ArticleHit;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.kb.Snippet;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The knowledge-base articles of each tenant (§9, §10): stored, listed for staff, and searched for customers. Every
 * method is scoped to one tenant: another tenant's article is never found, listed or counted, whatever is asked for.
 * Every method is called inside a transaction of the tenant it names, and joins it ({@link TransactionRunner}).
 *
 * <p><b>Search.</b> A {@link SearchText} (always with at least one word: the use cases answer a search without words
 * themselves) is matched word by word against title and body, each store folding case as it
 * folds its documents. {@link #list} and {@link #searchPublished} find the articles that contain every word; {@link
 * #suggestPublished} those that contain any, the last word also as a prefix (it is still being typed). Matches are
 * ranked: first the articles whose title alone matches the search, then by how well title and body match, title words
 * weighing more than body words; then the most recently updated, then the greater id. A hit's {@link Snippet} is a
 * passage of the body with the searched words highlighted, or the opening of the body ({@link Snippet#opening}) when
 * the body does not match or there is no search.
 */
public interface KnowledgeBase {
    /** Stores a new article. */
    void add(Article article);

    /** The article of {@code tenant} with that id, draft or published; empty when there is none in this tenant. */
    Optional<Article> find(TenantId tenant, ArticleId id);

    /** Replaces the stored article of the same tenant and id with {@code article}: title, body, status, tags, time. */
    void update(Article article);

    /** Removes the article and its tags; the caller checked that no ticket names it as its related article. */
    void delete(TenantId tenant, ArticleId id);

    /**
     * One page of the articles of {@code tenant}, drafts included, that match {@code filter}, and the exact number of
     * matches: ranked as above when the filter has text, else the most recently updated first, ties by the greater id.
     */
    Page<Article> list(TenantId tenant, ArticleFilter filter, PageRequest page);

    /**
     * One page of the published articles of {@code tenant} that contain every word of {@code text}, ranked, with their
     * snippets, and the exact number of matches; with no text, every published article, the most recently updated
     * first. Drafts are never found.
     */
    Page<ArticleHit> searchPublished(TenantId tenant, Optional<SearchText> text, PageRequest page);

    /** At most {@code limit} published articles of {@code tenant} that contain any word of {@code text}, ranked. */
    List<ArticleHit> suggestPublished(TenantId tenant, SearchText text, int limit);

    /** Those of {@code articles} that are published articles of {@code tenant}. */
    Set<ArticleId> publishedAmong(TenantId tenant, Set<ArticleId> articles);
}
