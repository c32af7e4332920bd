package org.supportdesk.application.testing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleFilter;
import org.supportdesk.domain.kb.ArticleHit;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.kb.Snippet;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;

/** The knowledge base of every tenant in a map, searched by {@link InMemorySearch}. */
public final class InMemoryKnowledgeBase implements KnowledgeBase, Snapshotting {
    /** Most recently updated first, then the greater id (UUID text order is PostgreSQL's unsigned byte order). */
    private static final Comparator<Article> NEWEST_FIRST = Comparator.comparing(Article::updatedAt)
            .thenComparing(a -> a.id().value().toString())
            .reversed();

    private final TenantBinding binding;
    private Map<ArticleId, Article> articles = new HashMap<>();

    public InMemoryKnowledgeBase(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized void add(Article article) {
        binding.require(article.tenant());
        if (articles.containsKey(article.id())) {
            throw new IllegalStateException("already known: " + article.id());
        }
        articles.put(article.id(), article);
    }

    @Override
    public synchronized Optional<Article> find(TenantId tenant, ArticleId id) {
        binding.require(tenant);
        return Optional.ofNullable(articles.get(id)).filter(a -> a.tenant().equals(tenant));
    }

    @Override
    public synchronized void update(Article article) {
        binding.require(article.tenant());
        find(article.tenant(), article.id())
                .orElseThrow(() -> new IllegalArgumentException("no article " + article.id()));
        articles.put(article.id(), article);
    }

    @Override
    public synchronized void delete(TenantId tenant, ArticleId id) {
        binding.require(tenant);
        find(tenant, id).ifPresent(article -> articles.remove(article.id()));
    }

    @Override
    public synchronized Page<Article> list(TenantId tenant, ArticleFilter filter, PageRequest page) {
        binding.require(tenant);
        Stream<Article> matching = of(tenant)
                .filter(a -> filter.statuses().isEmpty() || filter.statuses().contains(a.status()))
                .filter(a ->
                        filter.tag().map(tag -> a.tags().values().contains(tag)).orElse(true));
        List<Article> ranked = filter.text()
                .map(text -> ranked(matching, InMemorySearch.allWords(text)))
                .orElseGet(() -> matching.sorted(NEWEST_FIRST).toList());
        return page(ranked, page);
    }

    @Override
    public synchronized Page<ArticleHit> searchPublished(TenantId tenant, Optional<SearchText> text, PageRequest page) {
        binding.require(tenant);
        Stream<Article> published = of(tenant).filter(Article::isPublished);
        if (text.isEmpty()) {
            return page(published.sorted(NEWEST_FIRST).toList(), page)
                    .map(a -> hit(a, Snippet.opening(a.body().value())));
        }
        InMemorySearch search = InMemorySearch.allWords(text.get());
        return page(ranked(published, search), page).map(a -> hit(a, search.snippet(a)));
    }

    @Override
    public synchronized List<ArticleHit> suggestPublished(TenantId tenant, SearchText text, int limit) {
        binding.require(tenant);
        InMemorySearch search = InMemorySearch.anyWord(text);
        return ranked(of(tenant).filter(Article::isPublished), search).stream()
                .limit(limit)
                .map(a -> hit(a, search.snippet(a)))
                .toList();
    }

    @Override
    public synchronized Set<ArticleId> publishedAmong(TenantId tenant, Set<ArticleId> candidates) {
        binding.require(tenant);
        return candidates.stream()
                .map(id -> find(tenant, id))
                .flatMap(Optional::stream)
                .filter(Article::isPublished)
                .map(Article::id)
                .collect(Collectors.toSet());
    }

    private Stream<Article> of(TenantId tenant) {
        return articles.values().stream().filter(a -> a.tenant().equals(tenant));
    }

    /** The port's ranking: title matches first, then by score, then the newest first. */
    private static List<Article> ranked(Stream<Article> articles, InMemorySearch search) {
        return articles.filter(search::matches)
                .sorted(Comparator.comparing((Article a) -> !search.titleMatches(a))
                        .thenComparing(Comparator.comparingDouble(search::score).reversed())
                        .thenComparing(NEWEST_FIRST))
                .toList();
    }

    private static ArticleHit hit(Article article, Snippet snippet) {
        return new ArticleHit(article.id(), article.title(), snippet, article.updatedAt());
    }

    private static <T> Page<T> page(List<T> all, PageRequest page) {
        List<T> items = all.stream().skip(page.offset()).limit(page.limit()).collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), all.size());
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(articles);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        articles = (Map<ArticleId, Article>) snapshot;
    }
}
