package org.supportdesk.domain.kb;

import java.time.Instant;
import java.util.Objects;

/**
 * What a customer reads of an article: a published one only, and only its title, text and last change. It has no field
 * for status or tags, so a draft or the staff's filing of articles cannot reach the portal through it.
 */
public record PublishedArticle(ArticleId id, ArticleTitle title, ArticleBody body, Instant updatedAt) {
    public PublishedArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The customer's view of a published article; a draft has none. */
    public static PublishedArticle of(Article article) {
        if (!article.isPublished()) {
            throw new IllegalArgumentException("a draft is not for customers: " + article.id());
        }
        return new PublishedArticle(article.id(), article.title(), article.body(), article.updatedAt());
    }
}
