package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.Validation;

/** A message body: trimmed, 1 to 50,000 characters, stored as written (rendering escapes it). */
public record Body(String value) {
    public static final int MAX_LENGTH = 50_000;

    public Body {
        value = Validation.trimmed("body", value, 1, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
