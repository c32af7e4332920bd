package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.Validation;

/** A ticket's description: trimmed, 1 to 50,000 characters. */
public record Description(String value) {
    public static final int MAX_LENGTH = 50_000;

    public Description {
        value = Validation.trimmed("description", value, 1, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
