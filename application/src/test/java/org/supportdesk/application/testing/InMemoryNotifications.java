package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.NotificationId;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** The in-app notifications of every tenant in a map. */
public final class InMemoryNotifications implements Notifications, Snapshotting {
    /** Newest first; ids in PostgreSQL's unsigned byte order (their text order), descending, break ties. */
    private static final Comparator<Notification> NEWEST_FIRST = Comparator.comparing(Notification::createdAt)
            .thenComparing(n -> n.id().value().toString())
            .reversed();

    private final TenantBinding binding;
    private Map<NotificationId, Notification> notifications = new LinkedHashMap<>();

    public InMemoryNotifications(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized void add(TenantId tenant, List<Notification> added) {
        binding.require(tenant);
        for (Notification notification : added) {
            if (!notification.tenant().equals(tenant)) {
                throw new IllegalArgumentException("a notification of " + notification.tenant() + " for " + tenant);
            }
            if (notifications.containsKey(notification.id())) {
                throw new IllegalStateException("already known: " + notification.id());
            }
        }
        added.forEach(n -> notifications.put(n.id(), n));
    }

    @Override
    public synchronized Page<Notification> list(
            TenantId tenant, UserId recipient, boolean unreadOnly, PageRequest page) {
        binding.require(tenant);
        List<Notification> matching = mine(tenant, recipient)
                .filter(n -> !unreadOnly || !n.isRead())
                .sorted(NEWEST_FIRST)
                .collect(Collectors.toList());
        List<Notification> items =
                matching.stream().skip(page.offset()).limit(page.limit()).collect(Collectors.toList());
        return new Page<>(items, page.page(), page.limit(), matching.size());
    }

    @Override
    public synchronized long unreadCount(TenantId tenant, UserId recipient) {
        binding.require(tenant);
        return mine(tenant, recipient).filter(n -> !n.isRead()).count();
    }

    @Override
    public synchronized Optional<Notification> markRead(
            TenantId tenant, UserId recipient, NotificationId id, Instant at) {
        binding.require(tenant);
        return Optional.ofNullable(notifications.get(id))
                .filter(n -> n.tenant().equals(tenant) && n.recipient().equals(recipient))
                .map(n -> {
                    Notification read = n.readAt(at);
                    notifications.put(id, read);
                    return read;
                });
    }

    @Override
    public synchronized int markAllRead(TenantId tenant, UserId recipient, Instant at) {
        binding.require(tenant);
        List<Notification> unread =
                mine(tenant, recipient).filter(n -> !n.isRead()).collect(Collectors.toList());
        unread.forEach(n -> notifications.put(n.id(), n.readAt(at)));
        return unread.size();
    }

    @Override
    public synchronized int purge(TenantId tenant, Instant readBefore, Instant anyBefore, int limit) {
        binding.require(tenant);
        List<NotificationId> old = notifications.values().stream()
                .filter(n -> n.tenant().equals(tenant))
                .filter(n -> n.isRead() && n.createdAt().isBefore(readBefore)
                        || n.createdAt().isBefore(anyBefore))
                .limit(limit)
                .map(Notification::id)
                .collect(Collectors.toList());
        old.forEach(notifications::remove);
        return old.size();
    }

    /** Every notification of every tenant, for tests to look at. */
    public synchronized List<Notification> all() {
        return List.copyOf(notifications.values());
    }

    private java.util.stream.Stream<Notification> mine(TenantId tenant, UserId recipient) {
        return notifications.values().stream()
                .filter(n -> n.tenant().equals(tenant) && n.recipient().equals(recipient));
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(notifications);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        notifications = (Map<NotificationId, Notification>) snapshot;
    }
}
