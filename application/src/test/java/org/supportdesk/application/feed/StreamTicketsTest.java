package org.supportdesk.application.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.admin.UpdatePerson;
import org.supportdesk.domain.tenant.Actor;

/**
 * Stream tickets over the in-memory core: one stream, once, within their lifetime, as the person they were issued to
 * (as that person is when the ticket is spent); anything malformed or forged is nobody.
 */
class StreamTicketsTest extends UseCaseTest {

    @Test
    void a_ticket_is_spent_once_as_its_holder() {
        String ticket = issue(acme.customerActor());

        assertThat(redeem(ticket)).hasValueSatisfying(actor -> {
            assertThat(actor.tenant()).isEqualTo(acme.tenant);
            assertThat(actor.asAuthor().id()).contains(acme.customer.id());
        });
        assertThat(redeem(ticket)).as("single use").isEmpty();
    }

    @Test
    void a_ticket_past_its_lifetime_opens_nothing() {
        String ticket = issue(acme.agentActor());
        core.clock.advance(IssueStreamTicket.LIFETIME.plus(Duration.ofSeconds(1)));

        assertThat(redeem(ticket)).isEmpty();
    }

    @Test
    void a_ticket_of_someone_deactivated_since_opens_nothing() {
        String ticket = issue(acme.agentActor());
        core.admin()
                .updatePerson()
                .handle(new UpdatePerson.Command(
                        acme.adminActor(),
                        org.supportdesk.application.admin.PeopleList.STAFF,
                        acme.agent.id(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(false)));

        assertThat(redeem(ticket)).isEmpty();
    }

    @Test
    void malformed_forged_and_other_tenants_tickets_open_nothing() {
        String ticket = issue(acme.customerActor());
        String secret = ticket.substring(ticket.lastIndexOf('_') + 1);

        assertThat(redeem("")).isEmpty();
        assertThat(redeem("st_not-a-ticket")).isEmpty();
        assertThat(redeem("st_" + globex.tenant.value() + "_" + secret))
                .as("another tenant's")
                .isEmpty();
        assertThat(redeem(ticket.substring(0, ticket.length() - 1) + (ticket.endsWith("A") ? "B" : "A")))
                .isEmpty();
        assertThat(redeem(ticket)).isPresent();
    }

    private String issue(Actor actor) {
        return core.useCases
                .live()
                .issueStreamTicket()
                .handle(new IssueStreamTicket.Command(actor))
                .ticket();
    }

    private Optional<Actor> redeem(String ticket) {
        return core.useCases.live().redeemStreamTicket().handle(new RedeemStreamTicket.Command(ticket));
    }
}
