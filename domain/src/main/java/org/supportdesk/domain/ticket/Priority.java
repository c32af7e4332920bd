package org.supportdesk.domain.ticket;

import java.util.Locale;
import org.supportdesk.domain.problem.ValidationFailed;

/** How urgent a ticket is; input also accepts the aliases {@code P4} (low) to {@code P1} (urgent). */
public enum Priority {
    LOW("P4"),
    MEDIUM("P3"),
    HIGH("P2"),
    URGENT("P1");

    public static final Priority DEFAULT = MEDIUM;

    private final String alias;

    Priority(String alias) {
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }

    /** The lowercase API name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority parse(String raw) {
        if (raw != null) {
            for (Priority p : values()) {
                if (p.wireName().equals(raw) || p.alias.equalsIgnoreCase(raw)) {
                    return p;
                }
            }
        }
        throw ValidationFailed.of("priority", "must be low, medium, high, urgent or P4..P1");
    }
}
