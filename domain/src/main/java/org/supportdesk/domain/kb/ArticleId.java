package org.supportdesk.domain.kb;

import java.util.Objects;
import java.util.UUID;

/** A knowledge-base article's permanent identity (a time-ordered UUID). */
public record ArticleId(UUID value) {
    public ArticleId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
