package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.supportdesk.domain.feed.ChangeEvent;
import org.supportdesk.domain.port.ChangeFeed;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The change feed in PostgreSQL (see {@link ChangeFeedAppendDao} and {@link ChangeFeedDao}); one statement per append,
 * or per change's events.
 */
public final class JdbiChangeFeed implements ChangeFeed {
    private final TenantScope scope;

    JdbiChangeFeed(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public ChangeEvent append(ChangeEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /**
     * One statement for all the events of a change, or for one event. The values travel as text arrays, each cast in
     * SQL to its column's type; an instant rounded to the microsecond first, half up, as the driver rounds the
     * instants it binds, such as the journal entry's of the same change (PostgreSQL would round a half to even).
     */
    @Override
    public List<ChangeEvent> appendAll(List<ChangeEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        TenantId tenant = TenantScope.tenantOfAll(events, ChangeEvent::tenant);
        List<ChangeEventRow> rows = events.stream().map(ChangeEventRow::from).toList();
        List<Long> cursors = appends(tenant)
                .appendAll(
                        tenant.value(),
                        rows.size(),
                        texts(rows, ChangeEventRow::type),
                        texts(rows, ChangeEventRow::ticketId),
                        texts(rows, ChangeEventRow::version),
                        texts(rows, row -> row.at().plusNanos(500).truncatedTo(ChronoUnit.MICROS)),
                        texts(rows, ChangeEventRow::data),
                        texts(rows, ChangeEventRow::customerData),
                        texts(rows, ChangeEventRow::customerId),
                        ChangeListener.CHANNEL);
        List<ChangeEvent> appended = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            appended.add(events.get(i).at(cursors.get(i)));
        }
        return appended;
    }

    private static String[] texts(List<ChangeEventRow> rows, Function<ChangeEventRow, Object> column) {
        return rows.stream()
                .map(column)
                .map(value -> value == null ? null : value.toString())
                .toArray(String[]::new);
    }

    @Override
    public List<ChangeEvent> between(TenantId tenant, long after, long upTo, int limit) {
        return dao(tenant).between(tenant.value(), after, upTo, limit).stream()
                .map(ChangeEventRow::toDomain)
                .toList();
    }

    @Override
    public List<ChangeEvent> betweenForCustomer(CustomerActor customer, long after, long upTo, int limit) {
        return dao(customer.tenant())
                .betweenForCustomer(
                        customer.tenant().value(),
                        after,
                        upTo,
                        customer.id().value(),
                        customer.seesOrganizationTickets(),
                        customer.organization().map(OrganizationId::value).orElse(null),
                        limit)
                .stream()
                .map(ChangeEventRow::toDomain)
                .toList();
    }

    @Override
    public long newest(TenantId tenant) {
        return dao(tenant).newest(tenant.value());
    }

    @Override
    public OptionalLong oldestKept(TenantId tenant) {
        Long oldest = dao(tenant).oldestKept(tenant.value());
        return oldest == null ? OptionalLong.empty() : OptionalLong.of(oldest);
    }

    @Override
    public int purgeOlderThan(TenantId tenant, Instant before) {
        return dao(tenant).purgeOlderThan(tenant.value(), before);
    }

    private ChangeFeedDao dao(TenantId tenant) {
        return scope.dao(tenant, ChangeFeedDao.class);
    }

    private ChangeFeedAppendDao appends(TenantId tenant) {
        return scope.dao(tenant, ChangeFeedAppendDao.class);
    }
}
