package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.call.GetCall;
import org.supportdesk.application.call.RequestCallBack;
import org.supportdesk.application.call.UpdateCall;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.call.CustomerCallView;
import org.supportdesk.domain.call.InvalidCallTransition;
import org.supportdesk.domain.ticket.TicketId;

/**
 * Call-backs over PostgreSQL: the request, its journal entry and its outbox row (about the call and its ticket) are
 * written in one transaction, and the transition table holds.
 */
@ExtendWith(PostgresExtension.class)
class CallUseCasesOverPostgresTest {
    private final JdbiSupportdesk core;
    private final TenantFixture acme;

    CallUseCasesOverPostgresTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
        this.acme = core.newTenant();
    }

    @Test
    void a_request_about_a_ticket_is_journalled_and_its_notice_waits_in_the_outbox() {
        TicketId ticket = core.fileAndRead(JdbiSupportdesk.filing(acme, "Printer on fire"))
                .id();

        CustomerCallView call = core.useCases
                .portal()
                .requestCallBack()
                .handle(new RequestCallBack.Command(
                        acme.customerActor(),
                        Optional.of(core.clock.instant().plus(Duration.ofDays(1))),
                        Optional.of(ticket),
                        Optional.empty(),
                        Optional.empty()));

        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM outbox WHERE tenant_id = ? AND call_id = ? AND ticket_id = ?"
                                + " AND topic = 'call_requested' AND audiences = '{all_agents,webhooks}'",
                        acme.tenant.value(),
                        call.id().value(),
                        ticket.value()))
                .isOne();
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM journal WHERE tenant_id = ? AND target_id = ? AND action = 'call_requested'",
                        acme.tenant.value(),
                        call.id().value()))
                .isOne();
        assertThat(core.useCases
                        .desk()
                        .getCall()
                        .handle(new GetCall.Command(acme.agentActor(), call.id()))
                        .call()
                        .ticket())
                .contains(ticket);
    }

    @Test
    void a_done_call_moves_no_further() {
        CustomerCallView call = core.useCases
                .portal()
                .requestCallBack()
                .handle(new RequestCallBack.Command(
                        acme.customerActor(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        UpdateCall.Command done = new UpdateCall.Command(
                acme.agentActor(),
                call.id(),
                Optional.of(CallStatus.DONE),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        core.useCases.desk().updateCall().handle(done);

        assertThatThrownBy(() -> core.useCases
                        .desk()
                        .updateCall()
                        .handle(new UpdateCall.Command(
                                acme.agentActor(),
                                call.id(),
                                Optional.of(CallStatus.SCHEDULED),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())))
                .isInstanceOfSatisfying(InvalidCallTransition.class, e -> assertThat(e.allowedTargets())
                        .isEmpty());
    }
}
