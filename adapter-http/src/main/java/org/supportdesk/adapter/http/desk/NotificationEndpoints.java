package org.supportdesk.adapter.http.desk;

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
 * A staff member's in-app notifications (§10), agents and admins alike: {@code GET /api/v1/notifications}, {@code POST
 * …/{id}/read}, {@code POST …/read-all}; the same rules as the portal's.
 */
public final class NotificationEndpoints implements Endpoints {
    private final UseCases.Desk useCases;

    public NotificationEndpoints(UseCases.Desk useCases) {
        this.useCases = useCases;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/notifications", this::list, AccessRole.STAFF);
        routes.post("/api/v1/notifications/read-all", this::readAll, AccessRole.STAFF);
        routes.post("/api/v1/notifications/{id}/read", this::read, AccessRole.STAFF);
    }

    void list(Context ctx) {
        ListNotifications.Listed listed = useCases.listNotifications()
                .handle(new ListNotifications.Command(
                        Authenticator.staff(ctx),
                        NotificationRequests.unreadOnly(ctx),
                        PageRequest.ofTickets(
                                Requests.intQuery(ctx, "page", 1),
                                Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_TICKET_LIMIT))));
        ctx.json(NotificationResponse.Listed.of(listed));
    }

    void read(Context ctx) {
        ctx.json(NotificationResponse.of(useCases.readNotification()
                .handle(new ReadNotification.Command(
                        Authenticator.staff(ctx), NotificationRequests.notificationId(ctx)))));
    }

    void readAll(Context ctx) {
        int marked = useCases.readAllNotifications().handle(new ReadAllNotifications.Command(Authenticator.staff(ctx)));
        ctx.json(Map.of("marked", marked));
    }
}
