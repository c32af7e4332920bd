package org.supportdesk.domain.notify;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a delivery stands (§13): {@code pending} until its first attempt, {@code failed} after an attempt that did not
 * land and will be retried, {@code sent} once a channel took it, {@code parked} after the last allowed attempt (an
 * admin may retry it).
 */
public enum DeliveryState {
    PENDING,
    FAILED,
    SENT,
    PARKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryState> parse(String raw) {
        for (DeliveryState state : values()) {
            if (state.wireName().equals(raw)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** Whether the dispatcher still owes an attempt. */
    public boolean isOpen() {
        return this == PENDING || this == FAILED;
    }
}
