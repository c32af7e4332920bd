package org.supportdesk.domain.tenant;

import java.util.Locale;
import java.util.regex.Pattern;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;

/** An email address, trimmed and lowercased so that one person has one address. */
public record Email(String value) {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    public static final int MAX_LENGTH = 254;

    public Email {
        if (value == null
                || value.length() > MAX_LENGTH
                || !SHAPE.matcher(value).matches()
                || !Validation.isPlainText(value)
                || !Validation.isSingleLine(value)) {
            throw ValidationFailed.of("email", "must be an email address");
        }
        if (!value.equals(value.trim().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("use Email.of to normalise: " + value);
        }
    }

    public static Email of(String raw) {
        if (raw == null) {
            throw ValidationFailed.of("email", "is required");
        }
        return new Email(raw.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
