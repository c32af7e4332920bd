package org.supportdesk.adapter.http.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.supportdesk.domain.kb.ArticleHit;
import org.supportdesk.domain.kb.PublishedArticle;
import org.supportdesk.domain.kb.Snippet;

/**
 * A published article as customers read it (§9), built only from {@link PublishedArticle}: no status, no tags. Search
 * results carry a {@link SnippetResponse} instead of the body.
 */
public record PortalArticleResponse(UUID id, String title, String body, Instant updatedAt) {
    static PortalArticleResponse of(PublishedArticle article) {
        return new PortalArticleResponse(
                article.id().value(), article.title().value(), article.body().value(), article.updatedAt());
    }

    /** One search result: the title and a snippet of the body around the match. */
    public record Hit(UUID id, String title, SnippetResponse snippet, Instant updatedAt) {
        static Hit of(ArticleHit hit) {
            return new Hit(hit.id().value(), hit.title().value(), SnippetResponse.of(hit.snippet()), hit.updatedAt());
        }
    }

    /**
     * A snippet as plain text and the matches as ranges of it ({@code start} inclusive, {@code end} exclusive, in
     * UTF-16 code units as JavaScript counts): never HTML. A page renders {@code text} as text and marks the ranges
     * itself.
     */
    public record SnippetResponse(String text, List<Range> highlights) {
        static SnippetResponse of(Snippet snippet) {
            return new SnippetResponse(
                    snippet.text(),
                    snippet.highlights().stream()
                            .map(h -> new Range(h.start(), h.end()))
                            .toList());
        }
    }

    /** One highlighted range. */
    public record Range(int start, int end) {}

    /** The suggestions for a subject being typed: a handful, not a page of a list. */
    public record Suggestions(List<Hit> items) {}
}
