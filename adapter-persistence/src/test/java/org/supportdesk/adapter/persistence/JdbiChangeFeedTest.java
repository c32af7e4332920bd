package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.feed.ChangeEvent;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The events of one change appended at once ({@code ChangeFeed.appendAll}, one statement) are stored exactly as one
 * append after another would store them: consecutive cursors in their order, every value read back the same.
 */
@ExtendWith(PostgresExtension.class)
class JdbiChangeFeedTest {
    private final JdbiSupportdesk core;

    JdbiChangeFeedTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Test
    void events_appended_at_once_read_back_as_events_appended_one_by_one() {
        TenantFixture oneByOne = core.newTenant();
        TenantFixture atOnce = core.newTenant();
        long before = newest(atOnce);
        assertThat(newest(oneByOne)).as("both tenants start alike").isEqualTo(before);

        inTenant(oneByOne, () -> events(oneByOne).stream()
                .map(event -> core.stores.changeFeed().append(event))
                .toList());
        List<ChangeEvent> appendedAtOnce =
                inTenant(atOnce, () -> core.stores.changeFeed().appendAll(events(atOnce)));

        assertThat(appendedAtOnce).extracting(ChangeEvent::cursor).containsExactly(before + 1, before + 2, before + 3);
        assertThat(appendedAtOnce)
                .extracting(ChangeEvent::type)
                .containsExactly("ticket_updated", "ticket_updated", "customer_erased");
        assertThat(withoutTenant(readAfter(atOnce, before)))
                .hasSize(3)
                .isEqualTo(withoutTenant(readAfter(oneByOne, before)));
    }

    @Test
    void the_next_append_goes_on_after_the_cursors_taken_at_once() {
        TenantFixture tenant = core.newTenant();
        long before = newest(tenant);

        inTenant(tenant, () -> core.stores.changeFeed().appendAll(events(tenant)));
        ChangeEvent next = inTenant(
                tenant, () -> core.stores.changeFeed().append(events(tenant).get(0)));

        assertThat(next.cursor()).isEqualTo(before + 4);
        assertThat(newest(tenant)).isEqualTo(before + 4);
    }

    @Test
    void events_of_two_tenants_are_refused_together() {
        TenantFixture tenant = core.newTenant();
        TenantFixture other = core.newTenant();
        List<ChangeEvent> mixed = List.of(events(tenant).get(0), events(other).get(0));
        long before = newest(tenant);

        assertThatThrownBy(() -> inTenant(tenant, () -> core.stores.changeFeed().appendAll(mixed)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(newest(tenant)).isEqualTo(before);
    }

    /**
     * Three events as a change makes them: one about a ticket with customer data, one without, one about a customer;
     * instants with nanoseconds, on and beside a half microsecond, which PostgreSQL keeps to the microsecond.
     */
    private static List<ChangeEvent> events(TenantFixture tenant) {
        TicketId ticket = new TicketId(UUID.fromString("6a4c5a53-0000-4000-8000-000000000001"));
        return List.of(
                ChangeEvent.of(
                        tenant.tenant,
                        "ticket_updated",
                        Optional.of(ticket),
                        Optional.of(7L),
                        Instant.parse("2026-03-02T09:00:00.123456500Z"),
                        "{\"changes\":[{\"field\":\"priority\",\"after\":\"high\"}]}",
                        Optional.of("{\"status\":\"open\"}"),
                        Optional.empty()),
                ChangeEvent.of(
                        tenant.tenant,
                        "ticket_updated",
                        Optional.of(ticket),
                        Optional.of(7L),
                        Instant.parse("2026-03-02T09:00:00.123457499Z"),
                        "{\"changes\":[{\"field\":\"tags\",\"after\":[\"vip\"]}]}",
                        Optional.empty(),
                        Optional.empty()),
                ChangeEvent.of(
                        tenant.tenant,
                        "customer_erased",
                        Optional.empty(),
                        Optional.empty(),
                        Instant.parse("2026-03-02T09:00:01Z"),
                        "{}",
                        Optional.of("{\"erased\":true}"),
                        Optional.of(new UserId(UUID.fromString("6a4c5a53-0000-4000-8000-000000000002")))));
    }

    private long newest(TenantFixture tenant) {
        return inTenant(tenant, () -> core.stores.changeFeed().newest(tenant.tenant));
    }

    private List<ChangeEvent> readAfter(TenantFixture tenant, long after) {
        return inTenant(tenant, () -> core.stores.changeFeed().between(tenant.tenant, after, after + 100, 100));
    }

    /** As the events of two tenants compare: everything but the tenant. */
    private static List<List<Object>> withoutTenant(List<ChangeEvent> events) {
        return events.stream()
                .map(e -> List.<Object>of(
                        e.cursor(),
                        e.type(),
                        e.ticket(),
                        e.version(),
                        e.at(),
                        e.data(),
                        e.customerData(),
                        e.customer()))
                .toList();
    }

    private <T> T inTenant(TenantFixture tenant, Supplier<T> work) {
        return core.stores.transactions().inTransaction(tenant.tenant, work);
    }
}
