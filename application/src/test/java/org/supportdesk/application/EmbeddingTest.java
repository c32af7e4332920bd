package org.supportdesk.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.testing.InMemorySupportdesk;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;
import org.supportdesk.domain.visibility.CustomerMessageView;
import org.supportdesk.domain.visibility.CustomerTicketView;

/**
 * The example of docs/embedding.md, run: a JVM application wires the core over its own ports with one call and drives
 * it through the use cases, with no server. The guide shows the tagged regions verbatim (EmbeddingGuideTest checks).
 */
class EmbeddingTest {
    /** Stands in for the embedder's own adapters: here the in-memory ports of the application test-jar. */
    private final Ports yourPorts = new InMemorySupportdesk().ports;

    @Test
    void an_application_wires_the_core_with_one_call_and_runs_a_ticket_through_it() {
        // tag::wire[]
        InstantSource clock = Clock.systemUTC();
        UseCases supportdesk = UseCases.over(yourPorts, new TimeOrderedIds(clock), new ThreadCorrelation(), clock);
        // end::wire[]

        // tag::use[]
        CreateTenant.Created acme = supportdesk
                .createTenant()
                .handle(CreateTenant.Command.withAdmin(
                        new TenantSlug("acme"),
                        "Acme Support",
                        new CreateTenant.FirstAdmin(
                                Email.of("boss@acme.example"), "Boss", new Password("correct horse"))));
        StaffActor boss = StaffActor.of(acme.admin().orElseThrow());
        Person carla = supportdesk
                .admin()
                .addPerson()
                .handle(new AddPerson.Command(
                        boss,
                        Email.of("carla@acme.example"),
                        "Carla",
                        Role.CUSTOMER,
                        Optional.empty(),
                        Optional.empty()));
        CustomerActor customer = CustomerActor.of(carla, Optional.empty());

        TicketId ticket = supportdesk
                .portal()
                .fileTicket()
                .handle(new FileTicket.Command(
                        customer,
                        new Subject("Printer on fire"),
                        new Description("Smoke everywhere"),
                        new Category("technical"),
                        Priority.HIGH,
                        PortalContext.NONE,
                        Optional.empty()))
                .id();
        supportdesk
                .desk()
                .addInternalNote()
                .handle(new AddInternalNote.Command(
                        boss, ticket, new Body("Call facilities first"), Via.API, Optional.empty()));
        supportdesk
                .desk()
                .replyToTicket()
                .handle(new ReplyToTicket.Command(
                        boss, ticket, new Body("On our way"), Via.API, false, Optional.empty()));

        CustomerTicketView seen =
                supportdesk.portal().getTicket().handle(new GetCustomerTicket.Command(customer, ticket));
        // end::use[]

        assertThat(seen.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(seen.messages())
                .extracting(message -> message.body().value())
                .contains("On our way")
                .doesNotContain("Call facilities first");
        assertThat(seen.messages()).extracting(CustomerMessageView::authorName).contains("Boss");
    }
}
