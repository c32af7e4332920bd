package org.supportdesk.domain.port;

import java.util.Objects;
import org.supportdesk.domain.problem.ValidationFailed;

/** The order of a ticket list (§17): by a key, ascending or descending, ties broken by ticket id in the same direction. */
public record TicketSort(Key key, boolean descending) {
    public static final TicketSort NEWEST_FIRST = new TicketSort(Key.CREATED, true);

    public TicketSort {
        Objects.requireNonNull(key, "key");
    }

    /** Best text matches first, then newest first: the default order of a search. */
    public static final TicketSort BEST_MATCH_FIRST = new TicketSort(Key.RELEVANCE, true);

    /**
     * Reads {@code created}, {@code updated}, {@code priority}, {@code due} or {@code relevance}, with a {@code -}
     * prefix for descending.
     */
    public static TicketSort parse(String raw) {
        boolean descending = raw.startsWith("-");
        String name = descending ? raw.substring(1) : raw;
        for (Key key : Key.values()) {
            if (key.wireName.equals(name)) {
                return new TicketSort(key, descending);
            }
        }
        throw ValidationFailed.of(
                "sort", "must be created, updated, priority, due or relevance, optionally prefixed with -");
    }

    /**
     * What a list can be ordered by. {@code DUE} is the nearer of the two SLA due times, tickets with none last.
     * {@code RELEVANCE} ranks text matches (subject above description above messages), best first whatever the
     * direction, ties newest first; without search text it orders like {@code CREATED}.
     */
    public enum Key {
        CREATED("created"),
        UPDATED("updated"),
        PRIORITY("priority"),
        DUE("due"),
        RELEVANCE("relevance");

        private final String wireName;

        Key(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
