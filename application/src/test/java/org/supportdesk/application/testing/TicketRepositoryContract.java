package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.testing.SequentialIds;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.ChangeContext;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Feedback;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.NewTicket;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.StaleTicket;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Tags;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/**
 * What every {@link TicketRepository} must do, whatever stores it: round-trip every field and message exactly, keep
 * tenants apart in every finder, refuse a stale version. An adapter's test extends this and supplies the store.
 */
public abstract class TicketRepositoryContract {
    private final UUID run = UUID.randomUUID();
    // Fresh tenants for every test, so a store shared by several tests never shows one test another's rows.
    protected final TenantFixture acme = new TenantFixture("acme-" + run);
    protected final TenantFixture globex = new TenantFixture("globex-" + run);
    private final SequentialIds ids = SequentialIds.startingAtOne();
    private Instant now = Instant.parse("2026-03-29T00:30:00.123456Z");
    private long sequence = 1 + (run.getLeastSignificantBits() & 0xFFFF);

    /** The store under test. */
    protected abstract TicketRepository tickets();

    /** The transactions the store joins. */
    protected abstract TransactionRunner transactions();

    /** Makes the tenant, its organisation and its people known to the store, for stores that check references. */
    protected abstract void givenTenant(TenantFixture tenant);

    @BeforeEach
    void knowBothTenants() {
        givenTenant(acme);
        givenTenant(globex);
    }

    @Test
    void categories_in_use_are_those_of_the_tenants_own_tickets() {
        Ticket ticket = file(acme);
        save(ticket);

        assertThat(inTx(acme.tenant, () -> tickets().categoriesInUse(acme.tenant)))
                .containsExactly(ticket.state().category());
        assertThat(inTx(globex.tenant, () -> tickets().categoriesInUse(globex.tenant)))
                .isEmpty();
    }

    @Test
    void the_transaction_holding_a_ticket_saves_it_and_an_unknown_ticket_holds_nothing() {
        Ticket ticket = file(acme);
        save(ticket);

        Ticket renamed = inTx(acme.tenant, () -> {
            tickets().lock(acme.tenant, new TicketId(java.util.UUID.randomUUID()));
            tickets().lock(acme.tenant, ticket.id());
            Ticket held = tickets().find(acme.tenant, ticket.id()).orElseThrow();
            held.changeSubject(new org.supportdesk.domain.ticket.Subject("Held and renamed"), context(staff(acme)));
            tickets().save(held);
            return held;
        });

        assertThat(inTx(
                                acme.tenant,
                                () -> tickets().find(acme.tenant, ticket.id()).orElseThrow())
                        .state())
                .isEqualTo(renamed.state());
    }

    @Test
    void a_filed_ticket_round_trips_every_field() {
        Ticket ticket = file(acme);
        save(ticket);

        Ticket found =
                inTx(acme.tenant, () -> tickets().find(acme.tenant, ticket.id()).orElseThrow());

        assertThat(found.state()).isEqualTo(ticket.state());
        assertThat(found.isNew()).isFalse();
        assertThat(found.persistedVersion()).isEqualTo(1);
    }

    @Test
    void a_worked_ticket_round_trips_every_field_and_message_in_order() {
        Ticket ticket = file(acme);
        save(ticket);
        Ticket worked = change(acme, ticket.id(), staff(acme), (t, c) -> {
            t.reply(new Body("First answer"), Via.EMAIL, true, Duration.ofDays(7), c);
            t.addInternalNote(new Body("Only for staff"), Via.API, c);
            t.assign(Optional.of(acme.agent), c);
            t.escalate("VIP", c);
            t.replaceTags(Tags.of(List.of("billing", "vip")), c);
            t.changeCustomFields(new CustomFields("{\"seats\":3,\"plan\":\"gold\"}"), c);
            t.changeStatus(TicketStatus.RESOLVED, Optional.of("done"), c);
        });

        TicketState stored = inTx(
                acme.tenant,
                () -> tickets().find(acme.tenant, ticket.number()).orElseThrow().state());
        List<Message> conversation = inTx(acme.tenant, () -> tickets().messagesOf(acme.tenant, ticket.id()));

        assertThat(stored).isEqualTo(worked.state());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(conversation).containsExactlyElementsOf(worked.newMessages());
        assertThat(conversation).extracting(Message::createdAt).isSorted();
    }

    @Test
    void feedback_round_trips_with_and_without_a_comment() {
        for (Optional<String> comment :
                List.of(Optional.of("Kind, quick, and \"right\" — спасибо"), Optional.<String>empty())) {
            Ticket ticket = file(acme);
            save(ticket);
            change(
                    acme,
                    ticket.id(),
                    staff(acme),
                    (t, c) -> t.changeStatus(TicketStatus.RESOLVED, Optional.empty(), c));
            Ticket rated = change(
                    acme, ticket.id(), acme.customerActor(), (t, c) -> t.giveFeedback(new Rating(4), comment, c));

            TicketState stored = inTx(
                    acme.tenant,
                    () -> tickets().find(acme.tenant, ticket.id()).orElseThrow().state());

            assertThat(stored).isEqualTo(rated.state());
            assertThat(stored.feedback()).map(Feedback::comment).contains(comment);
        }
    }

    @Test
    void finders_never_cross_tenants_by_id_or_by_number() {
        Ticket ours = file(acme);
        save(ours);
        Ticket theirs = file(globex);
        save(theirs);

        assertThat(inTx(globex.tenant, () -> tickets().find(globex.tenant, ours.id())))
                .isEmpty();
        assertThat(inTx(globex.tenant, () -> tickets().findIncludingDeleted(globex.tenant, ours.id())))
                .isEmpty();
        assertThat(inTx(globex.tenant, () -> tickets().messagesOf(globex.tenant, ours.id())))
                .isEmpty();
        // Both tenants may have the same number; each finds its own.
        TicketNumber sharedNumber = ours.number();
        assertThat(inTx(globex.tenant, () -> tickets().find(globex.tenant, sharedNumber)))
                .map(Ticket::id)
                .isNotEqualTo(Optional.of(ours.id()));
    }

    @Test
    void two_tenants_may_use_the_same_number() {
        Ticket ours = file(acme, new TicketNumber(2026, 424242));
        Ticket theirs = file(globex, new TicketNumber(2026, 424242));
        save(ours);
        save(theirs);

        assertThat(inTx(acme.tenant, () -> tickets().find(acme.tenant, new TicketNumber(2026, 424242))))
                .map(Ticket::id)
                .contains(ours.id());
        assertThat(inTx(globex.tenant, () -> tickets().find(globex.tenant, new TicketNumber(2026, 424242))))
                .map(Ticket::id)
                .contains(theirs.id());
    }

    @Test
    void a_stale_version_is_refused_and_the_stored_ticket_is_unchanged() {
        Ticket ticket = file(acme);
        save(ticket);
        Ticket first =
                inTx(acme.tenant, () -> tickets().find(acme.tenant, ticket.id()).orElseThrow());
        Ticket second =
                inTx(acme.tenant, () -> tickets().find(acme.tenant, ticket.id()).orElseThrow());
        first.changePriority(Priority.LOW, context(staff(acme)));
        second.changePriority(Priority.HIGH, context(staff(acme)));
        inTx(acme.tenant, () -> {
            tickets().save(first);
            return null;
        });

        assertThatThrownBy(() -> inTx(acme.tenant, () -> {
                    tickets().save(second);
                    return null;
                }))
                .isInstanceOf(StaleTicket.class);
        assertThat(inTx(acme.tenant, () -> tickets()
                        .find(acme.tenant, ticket.id())
                        .orElseThrow()
                        .state()))
                .isEqualTo(first.state());
    }

    @Test
    void a_soft_deleted_ticket_is_found_only_for_restore() {
        Ticket ticket = file(acme);
        save(ticket);
        change(acme, ticket.id(), admin(acme), (t, c) -> t.softDelete(c));

        assertThat(inTx(acme.tenant, () -> tickets().find(acme.tenant, ticket.id())))
                .isEmpty();
        assertThat(inTx(acme.tenant, () -> tickets().find(acme.tenant, ticket.number())))
                .isEmpty();
        assertThat(inTx(acme.tenant, () -> tickets().findIncludingDeleted(acme.tenant, ticket.id())))
                .hasValueSatisfying(t -> assertThat(t.state().isDeleted()).isTrue());
    }

    @Test
    void auto_close_candidates_are_the_tenants_resolved_tickets_old_enough_oldest_first() {
        Ticket older = file(acme);
        save(older);
        Ticket newer = file(acme);
        save(newer);
        Ticket foreign = file(globex);
        save(foreign);
        change(acme, older.id(), staff(acme), (t, c) -> t.changeStatus(TicketStatus.RESOLVED, Optional.empty(), c));
        Instant olderResolved = now;
        change(acme, newer.id(), staff(acme), (t, c) -> t.changeStatus(TicketStatus.RESOLVED, Optional.empty(), c));
        Instant newerResolved = now;
        change(
                globex,
                foreign.id(),
                staff(globex),
                (t, c) -> t.changeStatus(TicketStatus.RESOLVED, Optional.empty(), c));

        assertThat(inTx(acme.tenant, () -> tickets().resolvedAtOrBefore(acme.tenant, newerResolved, 10)))
                .containsExactly(older.id(), newer.id());
        assertThat(inTx(acme.tenant, () -> tickets().resolvedAtOrBefore(acme.tenant, olderResolved, 10)))
                .containsExactly(older.id());
        assertThat(inTx(acme.tenant, () -> tickets().resolvedAtOrBefore(acme.tenant, newerResolved, 1)))
                .containsExactly(older.id());
        assertThat(inTx(acme.tenant, () -> tickets()
                        .resolvedAtOrBefore(acme.tenant, olderResolved.minusNanos(1000), 10)))
                .isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Ticket file(TenantFixture tenant) {
        return file(tenant, new TicketNumber(2026, sequence++));
    }

    private Ticket file(TenantFixture tenant, TicketNumber number) {
        return Ticket.file(
                new NewTicket(
                        new TicketId(UUID.randomUUID()),
                        number,
                        new Subject("Cannot export invoices"),
                        new Description("Export button spins forever.\nSince Tuesday."),
                        new Category("billing"),
                        Priority.URGENT,
                        tenant.customer.id(),
                        Optional.of(tenant.organization.id()),
                        TicketSource.PORTAL,
                        new PortalContext(Optional.of("https://app.example/invoices?x=1"), Optional.of("Safari 19")),
                        CustomFields.EMPTY,
                        Optional.empty(),
                        2,
                        3),
                context(tenant.customerActor()));
    }

    private Ticket change(
            TenantFixture tenant, TicketId id, Actor actor, java.util.function.BiConsumer<Ticket, ChangeContext> work) {
        return inTx(tenant.tenant, () -> {
            Ticket ticket = tickets().find(tenant.tenant, id).orElseThrow();
            work.accept(ticket, context(actor));
            tickets().save(ticket);
            return ticket;
        });
    }

    private void save(Ticket ticket) {
        inTx(ticket.tenant(), () -> {
            tickets().save(ticket);
            return null;
        });
    }

    private ChangeContext context(Actor actor) {
        now = now.plus(Duration.ofMinutes(1)).plusNanos(1_000);
        return new ChangeContext(
                actor,
                now,
                () -> new UUID(run.getMostSignificantBits(), ids.newId().getLeastSignificantBits()));
    }

    private static StaffActor staff(TenantFixture tenant) {
        return tenant.agentActor();
    }

    private static StaffActor admin(TenantFixture tenant) {
        return tenant.adminActor();
    }

    private <T> T inTx(TenantId tenant, Supplier<T> work) {
        return transactions().inTransaction(tenant, work);
    }
}
