package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.call.CallChange;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallNote;
import org.supportdesk.domain.call.CallOutcome;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.call.PhoneNumber;
import org.supportdesk.domain.port.CallFilter;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter.AssigneeFilter;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.TenantId;

/**
 * What {@link CallRequests} must do, whatever holds them: requests round-trip whole and stay in their tenant; the
 * staff's queue is soonest due first and filters by status, assignee and due window; a customer's list is their own,
 * newest first; totals are exact. An adapter's test extends this and supplies the store.
 */
public abstract class CallRequestsContract {
    private final UUID run = UUID.randomUUID();
    protected final TenantFixture acme = new TenantFixture("acme-" + run);
    protected final TenantFixture globex = new TenantFixture("globex-" + run);
    private final Instant t0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    private int minutes;

    protected abstract CallRequests calls();

    protected abstract TransactionRunner transactions();

    /** Makes the tenant and its people known to the store. */
    protected abstract void givenTenant(TenantFixture tenant);

    @BeforeEach
    void knowBothTenants() {
        givenTenant(acme);
        givenTenant(globex);
    }

    @Test
    void a_request_round_trips_whole_and_only_in_its_tenant() {
        CallRequest call = stored(acme.customerActor(), Optional.of(Duration.ofHours(3)));
        CallRequest worked = call.change(
                        new CallChange(
                                Optional.of(CallStatus.SCHEDULED),
                                Optional.of(new CallChange.Assignment(Optional.of(acme.agent))),
                                Optional.empty(),
                                Optional.of(new CallOutcome("Left a voicemail"))),
                        next())
                .call();

        assertThat(in(acme.tenant, () -> calls().find(acme.tenant, call.id()))).contains(call);
        in(acme.tenant, () -> {
            calls().update(worked);
            return null;
        });
        assertThat(in(acme.tenant, () -> calls().find(acme.tenant, call.id()))).contains(worked);
        assertThat(in(globex.tenant, () -> calls().find(globex.tenant, call.id())))
                .isEmpty();
    }

    @Test
    void the_queue_is_soonest_due_first_whether_wanted_now_or_scheduled() {
        CallRequest inTwoHours = stored(acme.customerActor(), Optional.of(Duration.ofHours(2)));
        CallRequest now = stored(acme.customerActor(), Optional.empty());
        CallRequest inOneHour = stored(acme.asCustomer(acme.otherCustomer), Optional.of(Duration.ofHours(1)));
        stored(globex.customerActor(), Optional.empty());

        Page<CallRequest> queue = list(acme.tenant, CallFilter.ALL, CallRequests.Order.DUE_FIRST, 1, 10);

        assertThat(queue.items()).containsExactly(now, inOneHour, inTwoHours);
        assertThat(queue.total()).isEqualTo(3);
    }

    @Test
    void the_queue_filters_by_status_assignee_and_due_window() {
        CallRequest first = stored(acme.customerActor(), Optional.of(Duration.ofHours(1)));
        CallRequest second = stored(acme.customerActor(), Optional.of(Duration.ofHours(2)));
        CallRequest third = stored(acme.customerActor(), Optional.of(Duration.ofHours(3)));
        CallRequest assigned = update(second.change(
                        new CallChange(
                                Optional.of(CallStatus.SCHEDULED),
                                Optional.of(new CallChange.Assignment(Optional.of(acme.agent))),
                                Optional.empty(),
                                Optional.empty()),
                        next())
                .call());

        assertThat(items(filter(Set.of(CallStatus.SCHEDULED), AssigneeFilter.ANY, null, null)))
                .containsExactly(assigned);
        assertThat(items(filter(Set.of(CallStatus.REQUESTED, CallStatus.DONE), AssigneeFilter.ANY, null, null)))
                .containsExactly(first, third);
        assertThat(items(filter(Set.of(), AssigneeFilter.of(acme.agent.id()), null, null)))
                .containsExactly(assigned);
        assertThat(items(filter(Set.of(), AssigneeFilter.NONE, null, null))).containsExactly(first, third);
        assertThat(items(filter(Set.of(), AssigneeFilter.ANY, second.dueAt(), third.dueAt())))
                .as("due_from inclusive, due_to exclusive")
                .containsExactly(assigned);
        assertThat(items(filter(Set.of(), AssigneeFilter.ANY, second.dueAt(), null)))
                .containsExactly(assigned, third);
    }

    @Test
    void a_customers_list_is_their_own_newest_first_with_exact_totals_and_pages() {
        CallRequest older = stored(acme.customerActor(), Optional.empty());
        stored(acme.asCustomer(acme.colleague), Optional.empty());
        CallRequest newer = stored(acme.customerActor(), Optional.of(Duration.ofDays(2)));
        CallFilter own = CallFilter.of(acme.customer.id());

        Page<CallRequest> first = list(acme.tenant, own, CallRequests.Order.NEWEST_FIRST, 1, 1);
        Page<CallRequest> second = list(acme.tenant, own, CallRequests.Order.NEWEST_FIRST, 2, 1);
        Page<CallRequest> beyond = list(acme.tenant, own, CallRequests.Order.NEWEST_FIRST, 3, 1);

        assertThat(first.items()).containsExactly(newer);
        assertThat(second.items()).containsExactly(older);
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.total(), second.total(), beyond.total())).containsOnly(2L);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private CallRequest stored(CustomerActor customer, Optional<Duration> ahead) {
        Instant at = next();
        CallRequest call = CallRequest.request(
                new CallId(UUID.randomUUID()),
                customer,
                Optional.empty(),
                Optional.of(new PhoneNumber("+49 30 1234567")),
                Optional.of(new CallNote("About my invoice")),
                ahead.map(at::plus),
                at);
        in(customer.tenant(), () -> {
            calls().add(call);
            return null;
        });
        return call;
    }

    private CallRequest update(CallRequest call) {
        in(call.tenant(), () -> {
            calls().update(call);
            return null;
        });
        return call;
    }

    /** Each write a minute after the previous one. */
    private Instant next() {
        return t0.plusSeconds(60L * ++minutes);
    }

    private static CallFilter filter(Set<CallStatus> statuses, AssigneeFilter assignee, Instant from, Instant to) {
        return new CallFilter(Optional.empty(), statuses, assignee, Optional.ofNullable(from), Optional.ofNullable(to));
    }

    private List<CallRequest> items(CallFilter filter) {
        return list(acme.tenant, filter, CallRequests.Order.DUE_FIRST, 1, 20).items();
    }

    private Page<CallRequest> list(TenantId tenant, CallFilter filter, CallRequests.Order order, int page, int limit) {
        return in(tenant, () -> calls().list(tenant, filter, order, new PageRequest(page, limit)));
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return transactions().inTransaction(tenant, work);
    }
}
