package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleEdit;
import org.supportdesk.domain.kb.ArticleFilter;
import org.supportdesk.domain.kb.ArticleHit;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.kb.Snippet;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * What a {@link KnowledgeBase} must do, whatever holds it: articles round-trip whole; staff lists filter by status, tag
 * and text with exact totals; customers' search finds only published articles of their own tenant, every word, a title
 * match above a body match, with snippets that highlight the words as ranges of plain text; suggestions match any word
 * and the last as a prefix. An adapter's test extends this and supplies the store.
 */
public abstract class KnowledgeBaseContract {
    private final UUID run = UUID.randomUUID();
    protected final TenantFixture acme = new TenantFixture("acme-" + run);
    protected final TenantFixture globex = new TenantFixture("globex-" + run);
    private final Instant t0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    private int minutes;

    protected abstract KnowledgeBase knowledgeBase();

    protected abstract TransactionRunner transactions();

    /** Makes the tenant (and its people) known to the store. */
    protected abstract void givenTenant(TenantFixture tenant);

    @BeforeEach
    void knowBothTenants() {
        givenTenant(acme);
        givenTenant(globex);
    }

    // ---- storing ---------------------------------------------------------------------------------------------

    @Test
    void an_article_round_trips_whole_and_only_in_its_tenant() {
        Article article =
                stored(acme.tenant, "Resetting the printer", "Hold the button.", ArticleStatus.DRAFT, "b", "a");

        assertThat(in(acme.tenant, () -> knowledgeBase().find(acme.tenant, article.id())))
                .contains(article);
        assertThat(in(globex.tenant, () -> knowledgeBase().find(globex.tenant, article.id())))
                .isEmpty();
    }

    @Test
    void an_update_replaces_the_article_and_a_delete_removes_it() {
        Article article = stored(acme.tenant, "Resetting the printer", "Hold the button.", ArticleStatus.DRAFT, "a");
        Article edited = article.edit(
                        new ArticleEdit(
                                Optional.of(new ArticleTitle("Resetting any printer")),
                                Optional.of(new ArticleBody("Unplug it.")),
                                Optional.of(ArticleStatus.PUBLISHED),
                                Optional.of(ArticleTags.of(List.of("c")))),
                        next())
                .article();

        in(acme.tenant, () -> {
            knowledgeBase().update(edited);
            return null;
        });
        assertThat(in(acme.tenant, () -> knowledgeBase().find(acme.tenant, article.id())))
                .contains(edited);

        in(acme.tenant, () -> {
            knowledgeBase().delete(acme.tenant, article.id());
            return null;
        });
        assertThat(in(acme.tenant, () -> knowledgeBase().find(acme.tenant, article.id())))
                .isEmpty();
    }

    // ---- the staff's list ------------------------------------------------------------------------------------

    @Test
    void the_staff_list_is_newest_first_with_drafts_exact_totals_and_pages_and_only_the_tenants() {
        Article first = stored(acme.tenant, "First article", "One", ArticleStatus.DRAFT);
        Article second = stored(acme.tenant, "Second article", "Two", ArticleStatus.PUBLISHED);
        Article third = stored(acme.tenant, "Third article", "Three", ArticleStatus.DRAFT);
        stored(globex.tenant, "Foreign article", "Four", ArticleStatus.PUBLISHED);

        Page<Article> page1 = in(acme.tenant, () -> knowledgeBase().list(acme.tenant, ArticleFilter.ALL, page(1, 2)));
        Page<Article> page2 = in(acme.tenant, () -> knowledgeBase().list(acme.tenant, ArticleFilter.ALL, page(2, 2)));
        Page<Article> beyond = in(acme.tenant, () -> knowledgeBase().list(acme.tenant, ArticleFilter.ALL, page(5, 2)));

        assertThat(page1.items()).containsExactly(third, second);
        assertThat(page2.items()).containsExactly(first);
        assertThat(page1.total()).isEqualTo(3);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);
    }

    @Test
    void the_staff_list_filters_by_status_tag_and_text() {
        Article draft = stored(acme.tenant, "Printer jams", "Open the tray.", ArticleStatus.DRAFT, "printing");
        Article published =
                stored(acme.tenant, "Login help", "Reset your printer password.", ArticleStatus.PUBLISHED, "account");
        stored(globex.tenant, "Printer jams", "Globex printing.", ArticleStatus.DRAFT, "printing");

        assertThat(list(new ArticleFilter(Set.of(ArticleStatus.DRAFT), Optional.empty(), Optional.empty())))
                .containsExactly(draft);
        assertThat(list(new ArticleFilter(Set.of(), Optional.of("account"), Optional.empty())))
                .containsExactly(published);
        assertThat(list(new ArticleFilter(Set.of(), Optional.empty(), text("printer"))))
                .containsExactly(draft, published);
        assertThat(list(new ArticleFilter(Set.of(ArticleStatus.PUBLISHED), Optional.of("account"), text("PASSWORD"))))
                .containsExactly(published);
        assertThat(list(new ArticleFilter(Set.of(), Optional.of("printing"), text("password"))))
                .isEmpty();
    }

    // ---- the customers' search -------------------------------------------------------------------------------

    @Test
    void search_finds_published_articles_only() {
        Article published = stored(acme.tenant, "Printer offline", "Check the cable.", ArticleStatus.PUBLISHED);
        stored(acme.tenant, "Printer secrets", "Internal printer notes.", ArticleStatus.DRAFT);

        Page<ArticleHit> found = search(acme.tenant, "printer");
        Page<ArticleHit> browsed =
                in(acme.tenant, () -> knowledgeBase().searchPublished(acme.tenant, Optional.empty(), page(1, 20)));

        assertThat(found.items()).extracting(ArticleHit::id).containsExactly(published.id());
        assertThat(found.total()).isEqualTo(1);
        assertThat(browsed.items()).extracting(ArticleHit::id).containsExactly(published.id());
        assertThat(browsed.total()).isEqualTo(1);
    }

    @Test
    void another_tenants_articles_are_never_found() {
        stored(globex.tenant, "Printer offline", "Globex printer guide.", ArticleStatus.PUBLISHED);

        assertThat(search(acme.tenant, "printer").items()).isEmpty();
        assertThat(search(acme.tenant, "printer").total()).isZero();
        assertThat(in(acme.tenant, () -> knowledgeBase().searchPublished(acme.tenant, Optional.empty(), page(1, 20))))
                .satisfies(p -> assertThat(p.items()).isEmpty());
        assertThat(in(acme.tenant, () -> knowledgeBase().suggestPublished(acme.tenant, words("printer"), 5)))
                .isEmpty();
        assertThat(search(globex.tenant, "printer").items()).hasSize(1);
    }

    @Test
    void a_title_match_outranks_body_matches_however_many() {
        Article inBody = stored(
                acme.tenant,
                "Paper guide",
                "The invoice printer prints invoices. Restart the printer, then the printer again.",
                ArticleStatus.PUBLISHED);
        Article inTitle = stored(acme.tenant, "Printer offline", "Check the cable.", ArticleStatus.PUBLISHED);
        Article older = stored(acme.tenant, "Unrelated", "Nothing here.", ArticleStatus.PUBLISHED);

        assertThat(search(acme.tenant, "printer").items())
                .extracting(ArticleHit::id)
                .containsExactly(inTitle.id(), inBody.id())
                .doesNotContain(older.id());
        assertThat(in(acme.tenant, () -> knowledgeBase().suggestPublished(acme.tenant, words("printer"), 5)))
                .extracting(ArticleHit::id)
                .containsExactly(inTitle.id(), inBody.id());
    }

    @Test
    void search_needs_every_word_and_folds_case() {
        Article both = stored(acme.tenant, "Printer offline", "Check the network cable.", ArticleStatus.PUBLISHED);
        stored(acme.tenant, "Printer jams", "Open the tray.", ArticleStatus.PUBLISHED);

        assertThat(search(acme.tenant, "PRINTER Cable").items())
                .extracting(ArticleHit::id)
                .containsExactly(both.id());
    }

    /**
     * A snippet is plain text with ranges, never markup: whatever markup an article holds is text (a store may also
     * drop it from the passage), and only the searched words are highlighted, never a word the article dressed up.
     */
    @Test
    void snippets_highlight_only_the_searched_words_as_ranges_of_plain_text() {
        stored(
                acme.tenant,
                "Scripts in articles",
                "Text <script>alert('x')</script> and <b>bold</b> <mark>fake</mark> before the printer driver.",
                ArticleStatus.PUBLISHED);

        Snippet snippet = search(acme.tenant, "printer").items().get(0).snippet();

        assertThat(snippet.highlighted()).containsExactly("printer");
        assertThat(snippet.text())
                .contains("alert")
                .contains("bold")
                .contains("fake")
                .contains("printer driver");
        assertThat(snippet.text())
                .doesNotContain(String.valueOf(Snippet.MATCH_START))
                .doesNotContain(String.valueOf(Snippet.MATCH_END));
    }

    @Test
    void without_a_body_match_the_snippet_is_the_bodys_opening() {
        stored(acme.tenant, "Printer offline", "Check the cable first.", ArticleStatus.PUBLISHED);

        Snippet snippet = search(acme.tenant, "printer").items().get(0).snippet();

        assertThat(snippet.text()).isEqualTo("Check the cable first.");
        assertThat(snippet.highlights()).isEmpty();
    }

    @Test
    void search_pages_have_exact_totals() {
        for (int i = 0; i < 5; i++) {
            stored(acme.tenant, "Printer guide " + i, "Printer body " + i, ArticleStatus.PUBLISHED);
        }

        Page<ArticleHit> second =
                in(acme.tenant, () -> knowledgeBase().searchPublished(acme.tenant, text("printer"), page(2, 2)));

        assertThat(second.items()).hasSize(2);
        assertThat(second.total()).isEqualTo(5);
    }

    @Test
    void suggestions_match_any_word_and_the_last_as_a_prefix() {
        Article invoices = stored(acme.tenant, "Invoices explained", "Billing basics.", ArticleStatus.PUBLISHED);
        Article login = stored(acme.tenant, "Login trouble", "Reset your password.", ArticleStatus.PUBLISHED);
        stored(acme.tenant, "Invoice drafts", "Not yet for customers.", ArticleStatus.DRAFT);

        List<ArticleHit> typed =
                in(acme.tenant, () -> knowledgeBase().suggestPublished(acme.tenant, words("cannot login invoi"), 5));
        List<ArticleHit> limited =
                in(acme.tenant, () -> knowledgeBase().suggestPublished(acme.tenant, words("cannot login invoi"), 1));

        assertThat(typed).extracting(ArticleHit::id).containsExactlyInAnyOrder(invoices.id(), login.id());
        assertThat(limited).hasSize(1);
        assertThat(typed.stream()
                        .filter(hit -> hit.id().equals(invoices.id()))
                        .findFirst()
                        .orElseThrow()
                        .title())
                .isEqualTo(new ArticleTitle("Invoices explained"));
    }

    @Test
    void published_among_names_the_published_articles_of_the_tenant_only() {
        Article published = stored(acme.tenant, "Published", "Body", ArticleStatus.PUBLISHED);
        Article draft = stored(acme.tenant, "Draft", "Body", ArticleStatus.DRAFT);
        Article foreign = stored(globex.tenant, "Foreign", "Body", ArticleStatus.PUBLISHED);

        assertThat(in(acme.tenant, () -> knowledgeBase()
                        .publishedAmong(
                                acme.tenant,
                                Set.of(published.id(), draft.id(), foreign.id(), new ArticleId(UUID.randomUUID())))))
                .containsExactly(published.id());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Article stored(TenantId tenant, String title, String body, ArticleStatus status, String... tags) {
        Article article = Article.write(
                new ArticleId(UUID.randomUUID()),
                tenant,
                new ArticleTitle(title),
                new ArticleBody(body),
                status,
                ArticleTags.of(List.of(tags)),
                next());
        in(tenant, () -> {
            knowledgeBase().add(article);
            return null;
        });
        return article;
    }

    /** Each article a minute after the previous one, so "newest first" is well defined. */
    private Instant next() {
        return t0.plusSeconds(60L * ++minutes);
    }

    private List<Article> list(ArticleFilter filter) {
        return in(acme.tenant, () -> knowledgeBase().list(acme.tenant, filter, page(1, 20)))
                .items();
    }

    private Page<ArticleHit> search(TenantId tenant, String text) {
        return in(tenant, () -> knowledgeBase().searchPublished(tenant, text(text), page(1, 20)));
    }

    private static Optional<SearchText> text(String raw) {
        return SearchText.parse("q", raw);
    }

    private static SearchText words(String raw) {
        return SearchText.parse("q", raw).orElseThrow();
    }

    private static PageRequest page(int page, int limit) {
        return new PageRequest(page, limit);
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return transactions().inTransaction(tenant, work);
    }
}
