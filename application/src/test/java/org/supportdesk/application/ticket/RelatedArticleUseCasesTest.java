package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.kb.CreateArticle;
import org.supportdesk.application.kb.UpdateArticle;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.query.ListCustomerTickets;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleEdit;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.CustomerTicketView;

/**
 * A ticket's related article (§3): a customer may name a published article of their tenant when filing, staff any
 * article of it when filing or changing a ticket; the customer sees it only while it is published.
 */
class RelatedArticleUseCasesTest extends UseCaseTest {
    private final Article published = article(acme.agentActor(), "Printer offline", ArticleStatus.PUBLISHED);
    private final Article draft = article(acme.agentActor(), "Printer internals", ArticleStatus.DRAFT);
    private final Article foreign = article(globex.agentActor(), "Globex printers", ArticleStatus.PUBLISHED);

    private Article article(StaffActor by, String title, ArticleStatus status) {
        return core.desk()
                .createArticle()
                .handle(new CreateArticle.Command(
                        by, new ArticleTitle(title), new ArticleBody("Some text."), status, ArticleTags.NONE));
    }

    private TicketId fileNaming(Optional<ArticleId> article) {
        return core.portal()
                .fileTicket()
                .handle(new FileTicket.Command(
                        acme.customerActor(),
                        new Subject("Printer on fire"),
                        new Description("Smoke everywhere"),
                        new Category("technical"),
                        Priority.HIGH,
                        PortalContext.NONE,
                        Optional.empty(),
                        List.of(),
                        article))
                .id();
    }

    private CustomerTicketView customerView(TicketId ticket) {
        return core.portal().getTicket().handle(new GetCustomerTicket.Command(acme.customerActor(), ticket));
    }

    private TicketState relate(TicketId ticket, Optional<ArticleId> article) {
        return core.desk()
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
                        Optional.of(new UpdateTicket.ArticleLink(article))))
                .ticket();
    }

    @Test
    void a_customer_files_naming_a_published_article_and_sees_it() {
        TicketId ticket = fileNaming(Optional.of(published.id()));

        assertThat(customerView(ticket).relatedArticle()).contains(published.id());
        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, ticket)))
                .hasValueSatisfying(t -> assertThat(t.state().relatedArticle()).contains(published.id()));
    }

    @Test
    void a_customer_cannot_name_a_draft_a_missing_or_another_tenants_article_and_all_read_alike() {
        for (ArticleId refused : List.of(draft.id(), foreign.id(), new ArticleId(UUID.randomUUID()))) {
            assertThatThrownBy(() -> fileNaming(Optional.of(refused)))
                    .isInstanceOfSatisfying(
                            ValidationFailed.class,
                            e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                                assertThat(f.field()).isEqualTo("related_article");
                                assertThat(f.message()).isEqualTo("must be a published article of the knowledge base");
                            }));
        }
        assertThat(core.tickets.size()).isZero();
    }

    @Test
    void staff_may_name_a_draft_which_the_customer_sees_only_once_it_is_published() {
        TicketId ticket = core.desk()
                .fileTicketForCustomer()
                .handle(new FileTicketForCustomer.Command(
                        acme.agentActor(),
                        FileTicketForCustomer.Requester.byId(acme.customer.id()),
                        new Subject("Phoned in"),
                        new Description("By phone"),
                        new Category("question"),
                        Priority.MEDIUM,
                        TicketSource.PHONE,
                        CustomFields.EMPTY,
                        Optional.empty(),
                        List.of(),
                        Optional.of(draft.id())))
                .ticket()
                .id();

        assertThat(stored(ticketState(ticket)).relatedArticle()).contains(draft.id());
        assertThat(customerView(ticket).relatedArticle()).isEmpty();
        assertThat(listed(ticket).relatedArticle()).isEmpty();

        core.desk()
                .updateArticle()
                .handle(new UpdateArticle.Command(
                        acme.agentActor(),
                        draft.id(),
                        new ArticleEdit(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(ArticleStatus.PUBLISHED),
                                Optional.empty())));

        assertThat(customerView(ticket).relatedArticle()).contains(draft.id());
        assertThat(listed(ticket).relatedArticle()).contains(draft.id());
    }

    @Test
    void naming_a_draft_is_journalled_but_moves_nothing_the_customer_sees() {
        TicketId ticket = fileNaming(Optional.empty());
        CustomerTicketView before = customerView(ticket);
        core.clock.advance(Duration.ofMinutes(5));

        TicketState changed = relate(ticket, Optional.of(draft.id()));

        assertThat(changed.relatedArticle()).contains(draft.id());
        assertThat(journalOf(changed)).endsWith(JournalAction.TICKET_UPDATED);
        assertThat(customerView(ticket).revision()).isEqualTo(before.revision());
        assertThat(customerView(ticket).updatedAt()).isEqualTo(before.updatedAt());

        core.clock.advance(Duration.ofMinutes(5));
        relate(ticket, Optional.of(published.id()));
        assertThat(customerView(ticket).updatedAt()).isAfter(before.updatedAt());
        assertThat(customerView(ticket).relatedArticle()).contains(published.id());

        assertThat(relate(ticket, Optional.empty()).relatedArticle()).isEmpty();
    }

    @Test
    void staff_cannot_name_another_tenants_or_a_missing_article() {
        TicketId ticket = fileNaming(Optional.empty());

        for (ArticleId refused : List.of(foreign.id(), new ArticleId(UUID.randomUUID()))) {
            assertThatThrownBy(() -> relate(ticket, Optional.of(refused)))
                    .isInstanceOfSatisfying(
                            ValidationFailed.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("related_article"));
        }
    }

    private TicketState ticketState(TicketId ticket) {
        return core.read(
                acme.tenant,
                () -> core.tickets.find(acme.tenant, ticket).orElseThrow().state());
    }

    private CustomerTicketView listed(TicketId ticket) {
        return core
                .portal()
                .listTickets()
                .handle(new ListCustomerTickets.Command(
                        acme.customerActor(), Set.of(), Set.of(), Optional.empty(), PageRequest.ofTickets(1, 20)))
                .items()
                .stream()
                .filter(view -> view.id().equals(ticket))
                .findFirst()
                .orElseThrow();
    }
}
