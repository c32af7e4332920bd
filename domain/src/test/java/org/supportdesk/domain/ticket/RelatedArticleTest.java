package org.supportdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportdesk.domain.testing.TicketBuilder.aTicket;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.testing.Changes;
import org.supportdesk.domain.testing.Fixtures;
import org.supportdesk.domain.visibility.CustomerTicketView;
import org.supportdesk.domain.visibility.TicketAccess;

/** A ticket names a knowledge-base article (§3); its requester sees it only while it is published (§8). */
class RelatedArticleTest {
    private final Changes changes = Changes.atT0();
    private final Person requester = Fixtures.customer(Fixtures.TENANT);
    private final CustomerActor customer = Fixtures.asCustomer(requester);
    private final Person agent = Fixtures.agent(Fixtures.TENANT);
    private final ArticleId article = new ArticleId(UUID.randomUUID());

    @Test
    void staff_name_and_drop_the_related_article_and_the_journal_says_so() {
        Ticket ticket = aTicket().requestedBy(requester).build();

        boolean named = ticket.relateArticle(Optional.of(article), true, changes.by(Fixtures.asStaff(agent)));

        assertThat(named).isTrue();
        assertThat(ticket.state().relatedArticle()).contains(article);
        assertThat(ticket.events()).singleElement().satisfies(event -> assertThat(event.changes())
                .containsExactly(FieldChange.of("related_article", null, article.toString())));
        assertThat(ticket.relateArticle(Optional.of(article), true, changes.by(Fixtures.asStaff(agent))))
                .isFalse();
        assertThat(ticket.relateArticle(Optional.empty(), true, changes.by(Fixtures.asStaff(agent))))
                .isTrue();
        assertThat(ticket.state().relatedArticle()).isEmpty();
    }

    @Test
    void naming_a_draft_does_not_move_what_the_requester_sees_as_updated() {
        Ticket ticket = aTicket().requestedBy(requester).build();
        var before = ticket.state().customerUpdatedAt();
        changes.advance(Duration.ofMinutes(5));

        ticket.relateArticle(Optional.of(article), false, changes.by(Fixtures.asStaff(agent)));

        assertThat(ticket.state().customerUpdatedAt()).isEqualTo(before);
        assertThat(ticket.state().updatedAt()).isEqualTo(changes.now());
    }

    @Test
    void naming_a_published_article_is_an_update_the_requester_sees() {
        Ticket ticket = aTicket().requestedBy(requester).build();
        changes.advance(Duration.ofMinutes(5));

        ticket.relateArticle(Optional.of(article), true, changes.by(Fixtures.asStaff(agent)));

        assertThat(ticket.state().customerUpdatedAt()).isEqualTo(changes.now());
    }

    @Test
    void only_staff_change_it_and_not_on_a_closed_ticket() {
        Ticket ticket = aTicket().requestedBy(requester).build();
        assertThatThrownBy(() -> ticket.relateArticle(Optional.of(article), true, changes.by(customer)))
                .isInstanceOf(Forbidden.class);

        Ticket closed =
                aTicket().requestedBy(requester).withStatus(TicketStatus.CLOSED).build();
        assertThatThrownBy(() -> closed.relateArticle(Optional.of(article), true, changes.by(Fixtures.asStaff(agent))))
                .isInstanceOf(TicketClosed.class);
    }

    @Test
    void the_customer_view_names_the_article_only_while_it_is_published() {
        TicketState ticket =
                aTicket().requestedBy(requester).relatedArticle(article).state();

        CustomerTicketView hidden =
                TicketAccess.customerView(customer, ticket, "Carla", List.of(), List.of(), Set.of());
        CustomerTicketView shown =
                TicketAccess.customerView(customer, ticket, "Carla", List.of(), List.of(), Set.of(article));
        CustomerTicketView listed =
                TicketAccess.customerSummary(customer, ticket, "Carla", 0, Optional.empty(), Set.of(article));

        assertThat(hidden.relatedArticle()).isEmpty();
        assertThat(shown.relatedArticle()).contains(article);
        assertThat(listed.relatedArticle()).contains(article);
        assertThat(shown.revision()).isNotEqualTo(hidden.revision());
        assertThat(TicketAccess.customerView(customer, ticket, "Carla", List.of(), List.of())
                        .relatedArticle())
                .isEmpty();
    }

    @Test
    void a_new_ticket_can_be_filed_with_its_related_article() {
        NewTicket spec = new NewTicket(
                new TicketId(UUID.randomUUID()),
                new TicketNumber(2026, 1),
                new Subject("Printer"),
                new Description("Broken"),
                new Category("technical"),
                Priority.MEDIUM,
                requester.id(),
                Optional.empty(),
                TicketSource.PORTAL,
                PortalContext.NONE,
                CustomFields.EMPTY,
                Optional.empty(),
                1,
                1,
                Optional.of(article));

        assertThat(Ticket.file(spec, changes.by(customer)).state().relatedArticle())
                .contains(article);
    }
}
