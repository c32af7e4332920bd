package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.Webhooks;
import org.supportdesk.domain.tenant.TenantId;

/** Webhook subscriptions in PostgreSQL (see {@link WebhookDao}). */
public final class JdbiWebhooks implements Webhooks {
    private final TenantScope scope;

    JdbiWebhooks(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public void add(Webhook webhook) {
        dao(webhook.tenant()).insert(WebhookRow.from(webhook));
    }

    @Override
    public Optional<Webhook> find(TenantId tenant, UUID id) {
        return dao(tenant).find(tenant.value(), id).map(WebhookRow::toDomain);
    }

    @Override
    public Page<Webhook> list(TenantId tenant, PageRequest page) {
        WebhookDao dao = dao(tenant);
        List<Webhook> items = dao.page(tenant.value(), page.limit(), page.offset()).stream()
                .map(WebhookRow::toDomain)
                .collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), dao.count(tenant.value()));
    }

    @Override
    public List<Webhook> all(TenantId tenant) {
        return dao(tenant).all(tenant.value()).stream()
                .map(WebhookRow::toDomain)
                .collect(Collectors.toList());
    }

    @Override
    public void update(Webhook webhook) {
        if (dao(webhook.tenant()).update(WebhookRow.from(webhook)) == 0) {
            throw new IllegalArgumentException("no webhook " + webhook.id());
        }
    }

    @Override
    public boolean delete(TenantId tenant, UUID id) {
        return dao(tenant).delete(tenant.value(), id) > 0;
    }

    private WebhookDao dao(TenantId tenant) {
        return scope.dao(tenant, WebhookDao.class);
    }
}
