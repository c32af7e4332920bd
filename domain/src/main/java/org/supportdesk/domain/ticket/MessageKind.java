package org.supportdesk.domain.ticket;

import java.util.Locale;
import org.supportdesk.domain.problem.ValidationFailed;

/** Public replies, staff-only notes, and messages Supportdesk writes itself (§5). */
public enum MessageKind {
    PUBLIC,
    INTERNAL,
    SYSTEM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kinds a person may post: {@code public} or {@code internal}. */
    public static MessageKind parsePostable(String raw) {
        if ("public".equals(raw)) {
            return PUBLIC;
        }
        if ("internal".equals(raw)) {
            return INTERNAL;
        }
        throw ValidationFailed.of("kind", "must be public or internal");
    }
}
