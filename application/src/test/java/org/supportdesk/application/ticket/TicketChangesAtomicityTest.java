package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.Via;

class TicketChangesAtomicityTest extends UseCaseTest {

    @Test
    void a_change_that_fails_after_saving_leaves_no_trace_in_any_store() {
        TicketState ticket = aTicket();
        int journalSize = core.journal.all().size();
        int outboxSize = core.outbox.intents().size();

        assertThatThrownBy(() -> core.useCases
                        .changes()
                        .change(acme.agentActor(), ticket.id(), Optional.empty(), (t, context) -> {
                            t.reply(new Body("Saved, then the request fails"), Via.API, false, null, context);
                            core.useCases.changes().record(t);
                            throw new IllegalStateException("boom after save");
                        }))
                .hasMessage("boom after save");

        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, ticket.id()))
                        .orElseThrow()
                        .state())
                .isEqualTo(ticket);
        assertThat(conversationOf(ticket)).isEmpty();
        assertThat(core.journal.all()).hasSize(journalSize);
        assertThat(core.outbox.intents()).hasSize(outboxSize);
    }

    @Test
    void transactions_are_bound_to_the_acting_tenant() {
        TicketState ticket = aTicket();

        core.useCases.changes().change(acme.agentActor(), ticket.id(), Optional.empty(), (t, context) -> {
            assertThat(core.binding.current()).contains(acme.tenant);
            t.escalate("check", context);
        });
        assertThat(core.binding.current()).isEmpty();
    }
}
