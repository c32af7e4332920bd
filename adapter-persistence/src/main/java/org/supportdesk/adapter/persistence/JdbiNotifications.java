package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.NotificationId;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * In-app notifications in PostgreSQL (see {@link NotificationInsertDao} and {@link NotificationDao}); one batch insert
 * per change.
 */
public final class JdbiNotifications implements Notifications {
    private final TenantScope scope;

    JdbiNotifications(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public void add(TenantId tenant, List<Notification> notifications) {
        for (Notification notification : notifications) {
            if (!notification.tenant().equals(tenant)) {
                throw new IllegalArgumentException("a notification of " + notification.tenant() + " for " + tenant);
            }
        }
        NotificationInsertDao dao = scope.dao(tenant, NotificationInsertDao.class);
        if (!notifications.isEmpty()) {
            dao.insert(notifications.stream().map(NotificationRow::from).collect(Collectors.toList()));
        }
    }

    @Override
    public Page<Notification> list(TenantId tenant, UserId recipient, boolean unreadOnly, PageRequest page) {
        List<NotificationRow.Listed> rows =
                dao(tenant).page(tenant.value(), recipient.value(), unreadOnly, page.limit(), page.offset());
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        List<Notification> items = rows.stream()
                .map(NotificationRow.Listed::row)
                .flatMap(Optional::stream)
                .map(NotificationRow::toDomain)
                .collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), total);
    }

    @Override
    public long unreadCount(TenantId tenant, UserId recipient) {
        return dao(tenant).unreadCount(tenant.value(), recipient.value());
    }

    @Override
    public Optional<Notification> markRead(TenantId tenant, UserId recipient, NotificationId id, Instant at) {
        return dao(tenant)
                .markRead(tenant.value(), recipient.value(), id.value(), at)
                .map(NotificationRow::toDomain);
    }

    @Override
    public int markAllRead(TenantId tenant, UserId recipient, Instant at) {
        return dao(tenant).markAllRead(tenant.value(), recipient.value(), at);
    }

    @Override
    public int purge(TenantId tenant, Instant readBefore, Instant anyBefore, int limit) {
        return dao(tenant).purge(tenant.value(), readBefore, anyBefore, limit);
    }

    private NotificationDao dao(TenantId tenant) {
        return scope.dao(tenant, NotificationDao.class);
    }
}
