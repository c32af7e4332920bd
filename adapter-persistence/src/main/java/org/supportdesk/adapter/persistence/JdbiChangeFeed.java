package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.supportdesk.domain.feed.ChangeEvent;
import org.supportdesk.domain.port.ChangeFeed;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.TenantId;

/** The change feed in PostgreSQL (see {@link ChangeFeedDao}); one statement per append. */
public final class JdbiChangeFeed implements ChangeFeed {
    private final TenantScope scope;

    JdbiChangeFeed(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public ChangeEvent append(ChangeEvent event) {
        return event.at(dao(event.tenant()).append(ChangeEventRow.from(event), ChangeListener.CHANNEL));
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
}
