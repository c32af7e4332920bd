package org.supportdesk.domain.port;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * Which page of a list, counted from 1; out-of-range values are refused, never clamped (§17). A list that pages by
 * keyset may be given the {@link ListCursor} it handed out instead ({@code after}): the page then starts just after the
 * cursor's row, and {@code page} is the cursor's.
 */
public record PageRequest(int page, int limit, Optional<ListCursor> after) {
    /** Ticket lists: 20 by default, at most 100. */
    public static final int DEFAULT_TICKET_LIMIT = 20;

    public static final int MAX_TICKET_LIMIT = 100;
    /** Conversation pages: 100 by default, at most 200. */
    public static final int DEFAULT_MESSAGE_LIMIT = 100;

    public static final int MAX_MESSAGE_LIMIT = 200;

    public PageRequest(int page, int limit) {
        this(page, limit, Optional.empty());
    }

    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (after.isPresent() && after.get().page() != page) {
            throw new IllegalArgumentException("a cursor's page is the page");
        }
        if (page < 1) {
            throw ValidationFailed.of("page", "must be at least 1");
        }
        if (limit < 1) {
            throw ValidationFailed.of("limit", "must be at least 1");
        }
    }

    /** A page of a ticket list. */
    public static PageRequest ofTickets(int page, int limit) {
        return within(page, limit, MAX_TICKET_LIMIT);
    }

    /** The page of a ticket list that {@code cursor} leads to. */
    public static PageRequest ofTickets(ListCursor cursor, int limit) {
        within(cursor.page(), limit, MAX_TICKET_LIMIT);
        return new PageRequest(cursor.page(), limit, Optional.of(cursor));
    }

    /** A page of a conversation. */
    public static PageRequest ofMessages(int page, int limit) {
        return within(page, limit, MAX_MESSAGE_LIMIT);
    }

    private static PageRequest within(int page, int limit, int maxLimit) {
        if (limit > maxLimit) {
            throw ValidationFailed.of("limit", "must be 1 to " + maxLimit);
        }
        return new PageRequest(page, limit);
    }

    /** How many rows precede this page; with a cursor, none are skipped: the cursor says where to start. */
    public long rowsToSkip() {
        return after.isPresent() ? 0 : offset();
    }

    /** Whether matches remain after this page, of {@code total} in all: what decides a next cursor. */
    public boolean hasPageAfter(long total) {
        return (long) page * limit < total;
    }

    /** How many rows precede this page. */
    public long offset() {
        return (long) (page - 1) * limit;
    }
}
