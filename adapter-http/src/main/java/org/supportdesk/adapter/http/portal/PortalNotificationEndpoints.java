package org.supportdesk.adapter.http.portal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.NotificationRequests;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.notify.ListNotifications;
import org.supportdesk.application.notify.ReadAllNotifications;
import org.supportdesk.application.notify.ReadNotification;
import org.supportdesk.domain.port.PageRequest;

/**
 * A customer's in-app notifications (§9): {@code GET /api/v1/portal/notifications} (all, or {@code unread=true} only),
 * {@code POST …/{id}/read} and {@code POST …/read-all}. Someone else's notification, another tenant's, a missing id
 * and anything that is no id at all answer the same 404.
 */
public final class PortalNotificationEndpoints implements Endpoints {
    private final UseCases.Portal useCases;

    public PortalNotificationEndpoints(UseCases.Portal useCases) {
        this.useCases = useCases;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/portal/notifications", this::list, AccessRole.CUSTOMER);
        routes.post("/api/v1/portal/notifications/read-all", this::readAll, AccessRole.CUSTOMER);
        routes.post("/api/v1/portal/notifications/{id}/read", this::read, AccessRole.CUSTOMER);
    }

    void list(Context ctx) {
        ListNotifications.Listed listed = useCases.listNotifications()
                .handle(new ListNotifications.Command(
                        Authenticator.customer(ctx),
                        NotificationRequests.unreadOnly(ctx),
                        PageRequest.ofTickets(
                                Requests.intQuery(ctx, "page", 1),
                                Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_TICKET_LIMIT))));
        ctx.json(PortalNotificationResponse.Listed.of(listed));
    }

    void read(Context ctx) {
        ctx.json(PortalNotificationResponse.of(useCases.readNotification()
                .handle(new ReadNotification.Command(
                        Authenticator.customer(ctx), NotificationRequests.notificationId(ctx)))));
    }

    void readAll(Context ctx) {
        int marked =
                useCases.readAllNotifications().handle(new ReadAllNotifications.Command(Authenticator.customer(ctx)));
        ctx.json(Map.of("marked", marked));
    }
}
