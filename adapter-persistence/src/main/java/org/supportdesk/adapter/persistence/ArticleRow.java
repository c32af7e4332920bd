package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.UUID;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.tenant.TenantId;

/** A {@code kb_articles} row with its tags; public because JDBI binds public accessors only. */
public record ArticleRow(
        UUID tenantId,
        UUID id,
        String title,
        String body,
        String status,
        Instant createdAt,
        Instant updatedAt,
        String[] tags) {

    static ArticleRow from(Article a) {
        return new ArticleRow(
                a.tenant().value(),
                a.id().value(),
                a.title().value(),
                a.body().value(),
                a.status().wireName(),
                a.createdAt(),
                a.updatedAt(),
                a.tags().values().toArray(String[]::new));
    }

    Article toDomain() {
        return new Article(
                new ArticleId(id),
                new TenantId(tenantId),
                new ArticleTitle(title),
                new ArticleBody(body),
                ArticleStatus.parse(status),
                new ArticleTags(new TreeSet<>(Arrays.asList(tags))),
                createdAt,
                updatedAt);
    }
}
