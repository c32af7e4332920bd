package org.supportdesk.domain.call;

import org.supportdesk.domain.problem.Validation;

/** Staff's note of how the call went; never shown to the customer. Trimmed, 1 to 5,000 characters. */
public record CallOutcome(String value) {
    public static final int MAX_LENGTH = 5_000;

    public CallOutcome {
        value = Validation.trimmed("outcome", value, 1, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
