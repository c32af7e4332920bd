package org.supportdesk.domain.port;

import java.util.Objects;
import org.supportdesk.domain.problem.ValidationFailed;

/** The order of a ticket list (§17): by a key, ascending or descending, ties broken by ticket id in the same direction. */
public record TicketSort(Key key, boolean descending) {
    public static final TicketSort NEWEST_FIRST = new TicketSort(Key.CREATED, true);

    public TicketSort {
        Objects.requireNonNull(key, "key");
    }

    /** Reads {@code created}, {@code updated}, {@code priority} or {@code due}, with a {@code -} prefix for descending. */
    public static TicketSort parse(String raw) {
        boolean descending = raw.startsWith("-");
        String name = descending ? raw.substring(1) : raw;
        for (Key key : Key.values()) {
            if (key.wireName.equals(name)) {
                return new TicketSort(key, descending);
            }
        }
        throw ValidationFailed.of("sort", "must be created, updated, priority or due, optionally prefixed with -");
    }

    /** What a list can be ordered by; {@code DUE} is the nearer of the two SLA due times, tickets with none last. */
    public enum Key {
        CREATED("created"),
        UPDATED("updated"),
        PRIORITY("priority"),
        DUE("due");

        private final String wireName;

        Key(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
