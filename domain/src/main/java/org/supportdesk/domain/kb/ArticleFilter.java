package org.supportdesk.domain.kb;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The filters of the staff's article list (§10); an empty set or absent value does not filter. {@code tag} is one
 * normalised tag ({@link ArticleTags#tag}); {@code text} matches title and body.
 */
public record ArticleFilter(Set<ArticleStatus> statuses, Optional<String> tag, Optional<SearchText> text) {
    public static final ArticleFilter ALL = new ArticleFilter(Set.of(), Optional.empty(), Optional.empty());

    public ArticleFilter {
        statuses = Set.copyOf(statuses);
        tag = Objects.requireNonNull(tag, "tag").map(ArticleTags::tag);
        Objects.requireNonNull(text, "text");
    }
}
