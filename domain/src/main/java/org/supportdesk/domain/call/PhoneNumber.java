package org.supportdesk.domain.call;

import java.util.regex.Pattern;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * A number to call back: trimmed, 5 to 32 characters of digits, spaces and {@code ( ) . -}, an optional leading
 * {@code +}, and at least 5 digits. Kept as written; agents dial it, nothing parses it further.
 */
public record PhoneNumber(String value) {
    private static final Pattern SHAPE = Pattern.compile("\\+?[0-9 ().-]{5,32}");

    public PhoneNumber {
        value = value == null ? "" : value.strip();
        if (!SHAPE.matcher(value).matches()
                || value.chars().filter(Character::isDigit).count() < 5) {
            throw ValidationFailed.of(
                    "phone", "must be a phone number: digits, spaces, ( ) . - and an optional leading +");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
