package org.supportdesk.domain.call;

import java.util.Locale;
import org.supportdesk.domain.problem.ValidationFailed;

/** Where a call-back request stands; {@link CallLifecycle} says how it moves. */
public enum CallStatus {
    /** A customer asked; nobody has committed to a time yet. */
    REQUESTED,
    /** Staff committed to call at its {@code scheduled_at}. */
    SCHEDULED,
    /** The call happened. */
    DONE,
    /** The call will not happen. */
    CANCELLED;

    /** Whether the call is still to be made: requested or scheduled. */
    public boolean isOpen() {
        return this == REQUESTED || this == SCHEDULED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallStatus parse(String raw) {
        for (CallStatus s : values()) {
            if (s.wireName().equals(raw)) {
                return s;
            }
        }
        throw ValidationFailed.of("status", "must be one of requested, scheduled, done, cancelled");
    }
}
