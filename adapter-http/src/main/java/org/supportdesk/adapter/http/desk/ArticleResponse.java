package org.supportdesk.adapter.http.desk;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.kb.Article;

/** A knowledge-base article as staff see it (§10): all of it, drafts too. */
public record ArticleResponse(
        UUID id, String title, String body, String status, Set<String> tags, Instant createdAt, Instant updatedAt) {
    static ArticleResponse of(Article article) {
        return new ArticleResponse(
                article.id().value(),
                article.title().value(),
                article.body().value(),
                article.status().wireName(),
                article.tags().values(),
                article.createdAt(),
                article.updatedAt());
    }
}
