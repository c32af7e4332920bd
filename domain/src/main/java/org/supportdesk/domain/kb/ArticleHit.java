package org.supportdesk.domain.kb;

import java.time.Instant;
import java.util.Objects;

/**
 * A published article as a customer's search or the suggestions list it (§9): its title and a snippet, no body, status
 * or tags.
 */
public record ArticleHit(ArticleId id, ArticleTitle title, Snippet snippet, Instant updatedAt) {
    public ArticleHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
