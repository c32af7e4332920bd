package org.supportdesk.adapter.http.desk;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.adapter.http.Pagination;
import org.supportdesk.application.notify.ListNotifications;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;

/** An in-app notification as staff see it: what happened to which ticket or call-back request, and whether read. */
public record NotificationResponse(
        UUID id,
        String type,
        Optional<UUID> ticketId,
        Optional<String> ticketNumber,
        Optional<UUID> callId,
        String title,
        Instant createdAt,
        Optional<Instant> readAt) {
    static NotificationResponse of(Notification n) {
        return new NotificationResponse(
                n.id().value(),
                n.topic().name().toLowerCase(Locale.ROOT),
                n.ticket().map(TicketId::value),
                n.ticketNumber().map(TicketNumber::toString),
                n.call().map(CallId::value),
                n.title(),
                n.createdAt(),
                n.readAt());
    }

    /** A page of them, with how many of all the staff member's notifications are unread. */
    public record Listed(List<NotificationResponse> items, Pagination.Meta pagination, long unreadCount) {
        static Listed of(ListNotifications.Listed listed) {
            Pagination<NotificationResponse> page = Pagination.of(listed.page().map(NotificationResponse::of));
            return new Listed(page.items(), page.pagination(), listed.unreadCount());
        }
    }
}
