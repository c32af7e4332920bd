package org.supportdesk.domain.port;

import org.supportdesk.domain.problem.ValidationFailed;

/** Which page of a list, counted from 1; out-of-range values are refused, never clamped (§17). */
public record PageRequest(int page, int limit) {
    /** Ticket lists: 20 by default, at most 100. */
    public static final int DEFAULT_TICKET_LIMIT = 20;

    public static final int MAX_TICKET_LIMIT = 100;
    /** Conversation pages: 100 by default, at most 200. */
    public static final int DEFAULT_MESSAGE_LIMIT = 100;

    public static final int MAX_MESSAGE_LIMIT = 200;

    public PageRequest {
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

    /** How many rows precede this page. */
    public long offset() {
        return (long) (page - 1) * limit;
    }
}
