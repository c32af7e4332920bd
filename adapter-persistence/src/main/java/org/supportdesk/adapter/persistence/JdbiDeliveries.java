package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.port.Deliveries;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The outbox's deliveries in PostgreSQL (see {@link DeliveryDao}): intents and deliveries are taken with {@code FOR
 * UPDATE SKIP LOCKED}, so dispatchers on several server instances never take the same row at once.
 */
public final class JdbiDeliveries implements Deliveries {
    private final TenantScope scope;

    JdbiDeliveries(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public List<NotificationIntent> takeUnexpanded(TenantId tenant, int limit) {
        return dao(tenant).takeUnexpanded(tenant.value(), limit).stream()
                .map(IntentRow::toDomain)
                .collect(Collectors.toList());
    }

    @Override
    public void markExpanded(TenantId tenant, UUID intentId, Instant at) {
        dao(tenant).markExpanded(tenant.value(), intentId, at);
    }

    @Override
    public void add(Delivery delivery) {
        dao(delivery.tenant()).insert(DeliveryRow.from(delivery));
    }

    @Override
    public List<Delivery> claimDue(TenantId tenant, Instant now, Instant leaseUntil, int limit) {
        return dao(tenant).claimDue(tenant.value(), now, leaseUntil, limit).stream()
                .map(DeliveryRow::toDomain)
                .collect(Collectors.toList());
    }

    @Override
    public boolean recordAttempt(Delivery delivery) {
        return dao(delivery.tenant()).recordAttempt(DeliveryRow.from(delivery)) > 0;
    }

    @Override
    public void update(Delivery delivery) {
        if (dao(delivery.tenant()).update(DeliveryRow.from(delivery)) == 0) {
            throw new IllegalArgumentException("no delivery " + delivery.id());
        }
    }

    @Override
    public Optional<Delivery> find(TenantId tenant, UUID id) {
        return dao(tenant).find(tenant.value(), id).map(DeliveryRow::toDomain);
    }

    @Override
    public Page<Delivery> list(
            TenantId tenant, Optional<DeliveryState> state, Optional<String> recipient, PageRequest page) {
        DeliveryDao dao = dao(tenant);
        String wanted = state.map(DeliveryState::wireName).orElse(null);
        String to = recipient.orElse(null);
        List<Delivery> items = dao.page(tenant.value(), wanted, to, page.limit(), page.offset()).stream()
                .map(DeliveryRow::toDomain)
                .collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), dao.count(tenant.value(), wanted, to));
    }

    @Override
    public int purge(TenantId tenant, Instant before, int limit) {
        DeliveryDao dao = dao(tenant);
        return dao.purgeDeliveries(tenant.value(), before, limit) + dao.purgeIntents(tenant.value(), before, limit);
    }

    private DeliveryDao dao(TenantId tenant) {
        return scope.dao(tenant, DeliveryDao.class);
    }
}
