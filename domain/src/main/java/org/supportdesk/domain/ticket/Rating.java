package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.ValidationFailed;

/** A customer's satisfaction rating of how their ticket was handled (CSAT, §9): 1 (poor) to 5 (excellent). */
public record Rating(int value) {
    public static final int MIN = 1;
    public static final int MAX = 5;

    public Rating {
        if (value < MIN || value > MAX) {
            throw ValidationFailed.of("rating", "must be a whole number from " + MIN + " to " + MAX);
        }
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
