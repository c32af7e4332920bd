package org.supportdesk.domain.port;

import java.util.Objects;
import java.util.UUID;

/** The id of one in-app notification (§9, §10). */
public record NotificationId(UUID value) {
    public NotificationId {
        Objects.requireNonNull(value, "value");
    }
}
