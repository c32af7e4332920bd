package org.supportdesk.domain.tenant;

import org.supportdesk.domain.problem.ValidationFailed;

/** A password as typed, 8 to 256 characters; it never shows in logs or text, and only its hash is ever stored. */
public record Password(String value) {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    public Password {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw ValidationFailed.of("password", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
