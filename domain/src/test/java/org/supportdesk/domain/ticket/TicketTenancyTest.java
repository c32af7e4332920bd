package org.supportdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportdesk.domain.testing.TicketBuilder.aTicket;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.testing.Changes;
import org.supportdesk.domain.testing.Fixtures;

/** The aggregate itself refuses actors of another tenant, whatever its caller checked. */
class TicketTenancyTest {
    static final Changes changes = Changes.atT0();
    static final StaffActor foreignAdmin = StaffActor.of(Fixtures.admin(Fixtures.OTHER_TENANT));
    static final CustomerActor foreignCustomer =
            CustomerActor.of(Fixtures.customer(Fixtures.OTHER_TENANT), Optional.empty());

    static List<Consumer<Ticket>> changesByAnotherTenant() {
        return List.of(
                t -> t.reply(new Body("hi"), Via.API, false, Duration.ofDays(7), changes.by(foreignCustomer)),
                t -> t.reply(new Body("hi"), Via.API, false, Duration.ofDays(7), changes.by(foreignAdmin)),
                t -> t.addInternalNote(new Body("hi"), Via.API, changes.by(foreignAdmin)),
                t -> t.changeStatus(TicketStatus.ON_HOLD, Optional.empty(), changes.by(foreignAdmin)),
                t -> t.closeAsCustomer(Optional.empty(), changes.by(foreignCustomer)),
                t -> t.assign(Optional.empty(), changes.by(foreignAdmin)),
                t -> t.escalate("x", changes.by(foreignAdmin)),
                t -> t.deescalate(changes.by(foreignAdmin)),
                t -> t.changePriority(Priority.LOW, changes.by(foreignAdmin)),
                t -> t.softDelete(changes.by(foreignAdmin)),
                t -> t.restoreDeleted(changes.by(foreignAdmin)));
    }

    @ParameterizedTest
    @MethodSource("changesByAnotherTenant")
    void another_tenants_actor_is_told_the_ticket_does_not_exist(Consumer<Ticket> change) {
        Ticket ticket = aTicket().build();

        assertThatThrownBy(() -> change.accept(ticket)).isInstanceOf(TicketNotFound.class);
    }
}
