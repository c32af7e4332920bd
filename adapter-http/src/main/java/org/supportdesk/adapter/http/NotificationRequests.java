package org.supportdesk.adapter.http;

import io.javalin.http.Context;
import java.util.UUID;
import org.supportdesk.domain.port.NotificationId;
import org.supportdesk.domain.port.NotificationNotFound;
import org.supportdesk.domain.problem.ValidationFailed;

/** What the portal's and the desk's notification routes read from a request, read alike. */
public final class NotificationRequests {
    private NotificationRequests() {}

    /** {@code unread=true} lists only unread ones, {@code false} or nothing all of them; anything else is a 400. */
    public static boolean unreadOnly(Context ctx) {
        return Requests.query(ctx, "unread", raw -> switch (raw) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw ValidationFailed.of("unread", "must be true or false");
                })
                .orElse(false);
    }

    /** A notification id in the path; anything that is not one names no notification, the same 404 as a missing one. */
    public static NotificationId notificationId(Context ctx) {
        try {
            return new NotificationId(UUID.fromString(ctx.pathParam("id")));
        } catch (IllegalArgumentException notAnId) {
            throw new NotificationNotFound();
        }
    }
}
