package org.supportdesk.domain.ticket;

import org.supportdesk.domain.problem.Validation;

/** A ticket's subject: trimmed, one line (it heads notification mail), 3 to 255 characters. */
public record Subject(String value) {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 255;

    public Subject {
        value = Validation.singleLine("subject", Validation.trimmed("subject", value, MIN_LENGTH, MAX_LENGTH));
    }

    @Override
    public String toString() {
        return value;
    }
}
