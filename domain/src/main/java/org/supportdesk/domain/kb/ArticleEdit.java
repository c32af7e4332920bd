package org.supportdesk.domain.kb;

import java.util.Objects;
import java.util.Optional;

/** What staff change on an article; an absent part leaves that part alone. */
public record ArticleEdit(
        Optional<ArticleTitle> title,
        Optional<ArticleBody> body,
        Optional<ArticleStatus> status,
        Optional<ArticleTags> tags) {
    public ArticleEdit {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tags, "tags");
    }
}
