package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.kb.CreateArticle;
import org.supportdesk.application.kb.DeleteArticle;
import org.supportdesk.application.kb.UpdateArticle;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleEdit;
import org.supportdesk.domain.kb.ArticleInUse;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.ticket.TicketId;

/** The knowledge base's use cases over PostgreSQL: journalled, and related articles kept while tickets name them. */
@ExtendWith(PostgresExtension.class)
class KnowledgeBaseUseCasesOverPostgresTest {
    private final JdbiSupportdesk core;
    private final TenantFixture acme;

    KnowledgeBaseUseCasesOverPostgresTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
        this.acme = core.newTenant();
    }

    private Article write(ArticleStatus status) {
        return core.useCases
                .desk()
                .createArticle()
                .handle(new CreateArticle.Command(
                        acme.agentActor(),
                        new ArticleTitle("Printer offline"),
                        new ArticleBody("Check the cable."),
                        status,
                        ArticleTags.of(List.of("printing"))));
    }

    @Test
    void an_article_a_ticket_names_is_kept_and_the_customer_sees_it_only_once_published() {
        Article draft = write(ArticleStatus.DRAFT);
        TicketId ticket = core.fileAndRead(JdbiSupportdesk.filing(acme, "Printer on fire"))
                .id();
        core.useCases
                .desk()
                .updateTicket()
                .handle(new UpdateTicket.Command(
                        acme.agentActor(),
                        ticket,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new UpdateTicket.ArticleLink(Optional.of(draft.id())))));

        assertThat(customerView(ticket)).isEmpty();
        assertThatThrownBy(() -> core.useCases
                        .desk()
                        .deleteArticle()
                        .handle(new DeleteArticle.Command(acme.adminActor(), draft.id())))
                .isInstanceOf(ArticleInUse.class);

        core.useCases
                .desk()
                .updateArticle()
                .handle(new UpdateArticle.Command(
                        acme.agentActor(),
                        draft.id(),
                        new ArticleEdit(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(ArticleStatus.PUBLISHED),
                                Optional.empty())));
        assertThat(customerView(ticket)).contains(draft.id().toString());
        assertThat(core.stores.transactions().inTransaction(acme.tenant, () -> core.stores
                        .journal()
                        .entriesAbout(acme.tenant, draft.id().value())))
                .extracting(JournalEntry::action)
                .containsExactly(JournalAction.ARTICLE_CREATED, JournalAction.ARTICLE_UPDATED);
    }

    @Test
    void a_customer_files_naming_a_published_article_and_an_unnamed_article_is_deleted() {
        Article published = write(ArticleStatus.PUBLISHED);
        Article spare = write(ArticleStatus.PUBLISHED);

        TicketId ticket = core.useCases
                .portal()
                .fileTicket()
                .handle(JdbiSupportdesk.filing(
                        acme.customerActor(), "Printer on fire", List.of(), Optional.of(published.id())))
                .id();
        core.useCases.desk().deleteArticle().handle(new DeleteArticle.Command(acme.adminActor(), spare.id()));

        assertThat(customerView(ticket)).contains(published.id().toString());
        assertThat(core.stores.transactions().inTransaction(acme.tenant, () -> core.stores
                        .knowledgeBase()
                        .find(acme.tenant, spare.id())))
                .isEmpty();
    }

    private Optional<String> customerView(TicketId ticket) {
        return core.useCases
                .portal()
                .getTicket()
                .handle(new GetCustomerTicket.Command(acme.customerActor(), ticket))
                .relatedArticle()
                .map(Object::toString);
    }
}
