package org.supportdesk.domain.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * What one attempt came to: taken by the peer or not, the peer's answer code if it answered, how long it took, and why
 * it failed. A {@code permanent} failure is not retried (the recipient is gone); the dispatcher parks it at once.
 */
public record DeliveryOutcome(
        boolean delivered, Optional<Integer> status, long durationMillis, Optional<String> error, boolean permanent) {
    public DeliveryOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        error = error.map(e -> e.length() > 500 ? e.substring(0, 500) : e);
    }

    public static DeliveryOutcome delivered(int status, long durationMillis) {
        return new DeliveryOutcome(true, Optional.of(status), durationMillis, Optional.empty(), false);
    }

    /** The peer answered, but not with success. */
    public static DeliveryOutcome refused(int status, long durationMillis) {
        return new DeliveryOutcome(
                false, Optional.of(status), durationMillis, Optional.of("answered " + status), false);
    }

    /** No answer: no connection, a timeout, a refused target. */
    public static DeliveryOutcome failed(String error, long durationMillis) {
        return new DeliveryOutcome(false, Optional.empty(), durationMillis, Optional.of(error), false);
    }

    /** Never deliverable: the recipient no longer exists. */
    public static DeliveryOutcome gone(String error) {
        return new DeliveryOutcome(false, Optional.empty(), 0, Optional.of(error), true);
    }
}
