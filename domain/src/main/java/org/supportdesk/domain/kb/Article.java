package org.supportdesk.domain.kb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.tenant.TenantId;

/**
 * A knowledge-base article (§10): staff write it as a draft or published; customers read only published ones (§9).
 * Immutable: an edit answers the article it makes and what changed, for the journal.
 */
public record Article(
        ArticleId id,
        TenantId tenant,
        ArticleTitle title,
        ArticleBody body,
        ArticleStatus status,
        ArticleTags tags,
        Instant createdAt,
        Instant updatedAt) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tags, "tags");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        updatedAt = Objects.requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("an article is not updated before it is created");
        }
    }

    /** A new article, written at {@code at}. */
    public static Article write(
            ArticleId id,
            TenantId tenant,
            ArticleTitle title,
            ArticleBody body,
            ArticleStatus status,
            ArticleTags tags,
            Instant at) {
        return new Article(id, tenant, title, body, status, tags, at, at);
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** What the journal records of the article's creation (§17 {@code article_created}). */
    public List<FieldChange> asCreated() {
        return List.of(
                FieldChange.of("title", null, title.value()),
                FieldChange.of("body", null, body.value()),
                FieldChange.of("status", null, status.wireName()),
                FieldChange.of("tags", null, tags.toString()));
    }

    /** What the journal records of the article's deletion: what it was called and whether customers could read it. */
    public List<FieldChange> asDeleted() {
        return List.of(FieldChange.of("title", title.value(), null), FieldChange.of("status", status.wireName(), null));
    }

    /**
     * The article with {@code edit} applied at {@code at}, and each field it really changed; a value equal to the
     * current one is no change, and an edit that changes nothing answers this article unchanged.
     */
    public Edited edit(ArticleEdit edit, Instant at) {
        List<FieldChange> changes = new ArrayList<>();
        ArticleTitle newTitle = edit.title().orElse(title);
        if (!newTitle.equals(title)) {
            changes.add(FieldChange.of("title", title.value(), newTitle.value()));
        }
        ArticleBody newBody = edit.body().orElse(body);
        if (!newBody.equals(body)) {
            changes.add(FieldChange.of("body", body.value(), newBody.value()));
        }
        ArticleStatus newStatus = edit.status().orElse(status);
        if (newStatus != status) {
            changes.add(FieldChange.of("status", status.wireName(), newStatus.wireName()));
        }
        ArticleTags newTags = edit.tags().orElse(tags);
        if (!newTags.equals(tags)) {
            changes.add(FieldChange.of("tags", tags.toString(), newTags.toString()));
        }
        if (changes.isEmpty()) {
            return new Edited(this, List.of());
        }
        return new Edited(new Article(id, tenant, newTitle, newBody, newStatus, newTags, createdAt, at), changes);
    }

    /** An edit's outcome: the article as it now is, and the fields that changed (none when nothing did). */
    public record Edited(Article article, List<FieldChange> changes) {
        public Edited {
            Objects.requireNonNull(article, "article");
            changes = List.copyOf(changes);
        }

        public boolean changedAnything() {
            return !changes.isEmpty();
        }
    }
}
