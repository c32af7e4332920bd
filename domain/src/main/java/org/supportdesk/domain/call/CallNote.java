package org.supportdesk.domain.call;

import org.supportdesk.domain.problem.Validation;

/** What the customer wants to talk about: trimmed, 1 to 2,000 characters. */
public record CallNote(String value) {
    public static final int MAX_LENGTH = 2_000;

    public CallNote {
        value = Validation.trimmed("note", value, 1, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
