package org.supportdesk.application.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleEdit;
import org.supportdesk.domain.kb.ArticleFilter;
import org.supportdesk.domain.kb.ArticleHit;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleNotFound;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.kb.ArticleUnchanged;
import org.supportdesk.domain.kb.PublishedArticle;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.ProblemCode;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.StaffActor;

/** The knowledge base through its use cases over the in-memory core: staff write, customers read what is published. */
class KnowledgeBaseUseCasesTest extends UseCaseTest {
    private final CustomerActor customer = acme.customerActor();

    Article write(StaffActor by, String title, String body, ArticleStatus status, String... tags) {
        return core.desk()
                .createArticle()
                .handle(new CreateArticle.Command(
                        by, new ArticleTitle(title), new ArticleBody(body), status, ArticleTags.of(List.of(tags))));
    }

    Article publish(Article article) {
        return edit(
                acme.agentActor(),
                article,
                new ArticleEdit(
                        Optional.empty(), Optional.empty(), Optional.of(ArticleStatus.PUBLISHED), Optional.empty()));
    }

    Article edit(StaffActor by, Article article, ArticleEdit edit) {
        return core.desk().updateArticle().handle(new UpdateArticle.Command(by, article.id(), edit));
    }

    List<JournalEntry> journalAbout(ArticleId article) {
        return core.read(acme.tenant, () -> core.journal.entriesAbout(acme.tenant, article.value()));
    }

    List<ArticleHit> search(CustomerActor who, String text) {
        return core.portal()
                .searchArticles()
                .handle(new SearchArticles.Command(who, SearchText.parse("q", text), PageRequest.ofTickets(1, 20)))
                .items();
    }

    List<ArticleHit> suggest(CustomerActor who, String subject) {
        return core.portal()
                .suggestArticles()
                .handle(new SuggestArticles.Command(who, SearchText.parse("subject", subject)));
    }

    // ---- staff write, and the journal records every change --------------------------------------------------

    @Test
    void agents_and_admins_write_and_edit_articles_and_every_change_is_journalled() {
        Article written = write(acme.agentActor(), "Printer offline", "Check the cable.", ArticleStatus.DRAFT, "print");
        Article edited = edit(
                acme.adminActor(),
                written,
                new ArticleEdit(
                        Optional.of(new ArticleTitle("Printer offline?")),
                        Optional.empty(),
                        Optional.of(ArticleStatus.PUBLISHED),
                        Optional.empty()));

        assertThat(edited.isPublished()).isTrue();
        assertThat(core.desk().getArticle().handle(new GetArticle.Command(acme.agentActor(), written.id())))
                .isEqualTo(edited);
        assertThat(journalAbout(written.id()))
                .satisfiesExactly(
                        created -> {
                            assertThat(created.action()).isEqualTo(JournalAction.ARTICLE_CREATED);
                            assertThat(created.targetKind()).isEqualTo(TargetKind.ARTICLE);
                            assertThat(created.actor().id()).contains(acme.agent.id());
                            assertThat(created.changes()).contains(FieldChange.of("status", null, "draft"));
                        },
                        updated -> {
                            assertThat(updated.action()).isEqualTo(JournalAction.ARTICLE_UPDATED);
                            assertThat(updated.actor().id()).contains(acme.admin.id());
                            assertThat(updated.changes())
                                    .containsExactly(
                                            FieldChange.of("title", "Printer offline", "Printer offline?"),
                                            FieldChange.of("status", "draft", "published"));
                        });
    }

    @Test
    void an_edit_that_changes_nothing_is_refused_and_journals_nothing() {
        Article written = write(acme.agentActor(), "Printer offline", "Check the cable.", ArticleStatus.DRAFT);

        assertThatThrownBy(() -> edit(
                        acme.agentActor(),
                        written,
                        new ArticleEdit(
                                Optional.of(written.title()),
                                Optional.empty(),
                                Optional.of(ArticleStatus.DRAFT),
                                Optional.empty())))
                .isInstanceOfSatisfying(
                        ArticleUnchanged.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.NO_CHANGES));
        assertThat(journalAbout(written.id())).hasSize(1);
    }

    @Test
    void only_admins_delete_and_an_article_a_ticket_names_is_kept() {
        Article spare = write(acme.agentActor(), "Spare article", "Delete me.", ArticleStatus.DRAFT);
        Article named = write(acme.agentActor(), "Named article", "Keep me.", ArticleStatus.PUBLISHED);
        core.desk()
                .updateTicket()
                .handle(new UpdateTicket.Command(
                        acme.agentActor(),
                        aTicket().id(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new UpdateTicket.ArticleLink(Optional.of(named.id())))));

        assertThatThrownBy(() -> delete(acme.agentActor(), spare.id())).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> delete(acme.adminActor(), named.id()))
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(ProblemCode.CONFLICT));
        delete(acme.adminActor(), spare.id());

        assertThatThrownBy(() -> core.desk().getArticle().handle(new GetArticle.Command(acme.adminActor(), spare.id())))
                .isInstanceOf(ArticleNotFound.class);
        assertThat(journalAbout(spare.id()))
                .extracting(JournalEntry::action)
                .containsExactly(JournalAction.ARTICLE_CREATED, JournalAction.ARTICLE_DELETED);
        assertThat(journalAbout(named.id()))
                .extracting(JournalEntry::action)
                .containsExactly(JournalAction.ARTICLE_CREATED);
    }

    private void delete(StaffActor by, ArticleId article) {
        core.desk().deleteArticle().handle(new DeleteArticle.Command(by, article));
    }

    @Test
    void staff_list_drafts_and_published_by_status_tag_and_text_and_only_their_tenants() {
        Article draft = write(acme.agentActor(), "Printer jams", "Open the tray.", ArticleStatus.DRAFT, "printing");
        Article published = write(acme.agentActor(), "Login help", "Reset it.", ArticleStatus.PUBLISHED, "account");
        write(globex.agentActor(), "Printer jams", "Globex.", ArticleStatus.PUBLISHED, "printing");

        assertThat(list(ArticleFilter.ALL)).containsExactly(published, draft);
        assertThat(list(new ArticleFilter(Set.of(ArticleStatus.DRAFT), Optional.empty(), Optional.empty())))
                .containsExactly(draft);
        assertThat(list(new ArticleFilter(Set.of(), Optional.of("printing"), SearchText.parse("q", "printer"))))
                .containsExactly(draft);
        assertThatThrownBy(
                        () -> core.desk().getArticle().handle(new GetArticle.Command(globex.agentActor(), draft.id())))
                .isInstanceOf(ArticleNotFound.class);
    }

    private List<Article> list(ArticleFilter filter) {
        return core.desk()
                .listArticles()
                .handle(new ListArticles.Command(acme.agentActor(), filter, PageRequest.ofTickets(1, 20)))
                .items();
    }

    // ---- customers read what is published -------------------------------------------------------------------

    @Test
    void drafts_are_invisible_to_customers_in_lists_search_reads_and_suggestions() {
        Article draft = write(acme.agentActor(), "Printer secrets", "Internal printer notes.", ArticleStatus.DRAFT);
        Article published = write(acme.agentActor(), "Printer offline", "Check the cable.", ArticleStatus.PUBLISHED);

        assertThat(search(customer, "printer")).extracting(ArticleHit::id).containsExactly(published.id());
        assertThat(search(customer, "")).extracting(ArticleHit::id).containsExactly(published.id());
        assertThat(suggest(customer, "my print")).extracting(ArticleHit::id).containsExactly(published.id());
        assertThatThrownBy(() -> read(customer, draft.id())).isInstanceOf(ArticleNotFound.class);
        assertThat(read(customer, published.id()).title()).isEqualTo(published.title());

        publish(draft);
        assertThat(search(customer, "secrets")).extracting(ArticleHit::id).containsExactly(draft.id());
        assertThat(read(customer, draft.id()).body()).isEqualTo(draft.body());
    }

    @Test
    void another_tenants_articles_are_never_found() {
        Article foreign = write(globex.agentActor(), "Printer offline", "Globex only.", ArticleStatus.PUBLISHED);

        assertThat(search(customer, "printer")).isEmpty();
        assertThat(suggest(customer, "printer")).isEmpty();
        assertThatThrownBy(() -> read(customer, foreign.id()))
                .isInstanceOf(ArticleNotFound.class)
                .hasMessage("Article not found");
    }

    @Test
    void a_title_match_outranks_a_body_match_and_the_snippet_highlights_the_word() {
        Article inBody = write(
                acme.agentActor(),
                "Paper guide",
                "Restart the printer, then the printer again.",
                ArticleStatus.PUBLISHED);
        Article inTitle = write(acme.agentActor(), "Printer offline", "Check the cable.", ArticleStatus.PUBLISHED);

        List<ArticleHit> hits = search(customer, "printer");

        assertThat(hits).extracting(ArticleHit::id).containsExactly(inTitle.id(), inBody.id());
        assertThat(hits.get(1).snippet().highlighted()).containsExactly("printer", "printer");
    }

    @Test
    void a_subject_without_words_suggests_nothing() {
        write(acme.agentActor(), "Printer offline", "Check the cable.", ArticleStatus.PUBLISHED);

        assertThat(suggest(customer, " ?! ")).isEmpty();
    }

    private PublishedArticle read(CustomerActor who, ArticleId article) {
        return core.portal().readArticle().handle(new ReadArticle.Command(who, article));
    }
}
