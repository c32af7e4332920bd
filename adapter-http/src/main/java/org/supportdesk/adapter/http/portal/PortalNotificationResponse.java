package org.supportdesk.adapter.http.portal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.adapter.http.Pagination;
import org.supportdesk.application.notify.ListNotifications;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * An in-app notification as its customer sees it: what happened to which of their tickets, its subject, and whether
 * they read it. No call id (customers hear of no calls) and nothing a customer projection does not show.
 */
public record PortalNotificationResponse(
        UUID id,
        String type,
        Optional<UUID> ticketId,
        Optional<String> ticketNumber,
        String title,
        Instant createdAt,
        Optional<Instant> readAt) {
    public static PortalNotificationResponse of(Notification n) {
        return new PortalNotificationResponse(
                n.id().value(),
                n.topic().name().toLowerCase(Locale.ROOT),
                n.ticket().map(TicketId::value),
                n.ticketNumber().map(TicketNumber::toString),
                n.title(),
                n.createdAt(),
                n.readAt());
    }

    /** A page of them, with how many of all the customer's notifications are unread. */
    public record Listed(List<PortalNotificationResponse> items, Pagination.Meta pagination, long unreadCount) {
        static Listed of(ListNotifications.Listed listed) {
            Pagination<PortalNotificationResponse> page =
                    Pagination.of(listed.page().map(PortalNotificationResponse::of));
            return new Listed(page.items(), page.pagination(), listed.unreadCount());
        }
    }
}
