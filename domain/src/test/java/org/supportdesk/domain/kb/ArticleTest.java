package org.supportdesk.domain.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.testing.Changes;
import org.supportdesk.domain.testing.Fixtures;

class ArticleTest {
    private static final Instant NOW = Changes.T0;
    private final Article draft = Article.write(
            new ArticleId(UUID.randomUUID()),
            Fixtures.TENANT,
            new ArticleTitle("Resetting the printer"),
            new ArticleBody("Hold the power button for ten seconds."),
            ArticleStatus.DRAFT,
            ArticleTags.of(List.of("Printing", "hardware", "printing")),
            NOW);

    @Test
    void an_edit_answers_the_new_article_and_each_field_it_changed() {
        Article.Edited edited = draft.edit(
                new ArticleEdit(
                        Optional.of(new ArticleTitle("Resetting the printer")),
                        Optional.empty(),
                        Optional.of(ArticleStatus.PUBLISHED),
                        Optional.of(ArticleTags.of(List.of("printing")))),
                NOW.plusSeconds(60));

        assertThat(edited.article().isPublished()).isTrue();
        assertThat(edited.article().updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(edited.article().createdAt()).isEqualTo(NOW);
        assertThat(edited.changes())
                .containsExactly(
                        FieldChange.of("status", "draft", "published"),
                        FieldChange.of("tags", "hardware,printing", "printing"));
    }

    @Test
    void an_edit_to_the_same_values_changes_nothing() {
        Article.Edited edited = draft.edit(
                new ArticleEdit(
                        Optional.of(draft.title()), Optional.of(draft.body()), Optional.empty(), Optional.empty()),
                NOW.plusSeconds(60));

        assertThat(edited.changedAnything()).isFalse();
        assertThat(edited.article()).isSameAs(draft);
    }

    @Test
    void tags_are_normalised_like_a_tickets() {
        assertThat(draft.tags().values()).containsExactly("hardware", "printing");
        assertThatThrownBy(() -> ArticleTags.of(List.of("not a tag"))).isInstanceOf(ValidationFailed.class);
        assertThat(ArticleTags.tag(" Printing ")).isEqualTo("printing");
        assertThatThrownBy(() -> ArticleTags.tag("no way")).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void titles_and_bodies_refuse_control_characters_which_would_forge_a_highlight() {
        assertThatThrownBy(() -> new ArticleBody("fake " + Snippet.MATCH_START + "mark" + Snippet.MATCH_END))
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
        assertThatThrownBy(() -> new ArticleTitle("Bell \u0007"))
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("title"));
        assertThat(new ArticleBody("Lines\n\tand tabs\r\n").value()).isEqualTo("Lines\n\tand tabs");
    }

    @Test
    void customers_read_only_published_articles() {
        assertThatThrownBy(() -> PublishedArticle.of(draft)).isInstanceOf(IllegalArgumentException.class);
        Article published = draft.edit(
                        new ArticleEdit(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(ArticleStatus.PUBLISHED),
                                Optional.empty()),
                        NOW)
                .article();
        assertThat(PublishedArticle.of(published).title()).isEqualTo(draft.title());
    }
}
