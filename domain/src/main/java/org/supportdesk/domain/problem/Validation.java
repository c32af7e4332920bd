package org.supportdesk.domain.problem;

/** Shared input rules for value objects, each failing with a {@link ValidationFailed} that names the field. */
public final class Validation {
    private Validation() {}

    /**
     * The text stripped of surrounding white space, refused when missing, outside {@code min..max} characters, or not
     * {@linkplain #isPlainText plain text}.
     */
    public static String trimmed(String field, String raw, int min, int max) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() < min || text.length() > max) {
            throw ValidationFailed.of(
                    field,
                    min == max ? "must be " + min + " characters" : "must be " + min + " to " + max + " characters");
        }
        return plainText(field, text);
    }

    /** The text itself, refused when it is not {@linkplain #isPlainText plain text}. */
    public static String plainText(String field, String text) {
        if (!isPlainText(text)) {
            throw ValidationFailed.of(field, "must not contain control characters or unpaired surrogates");
        }
        return text;
    }

    /**
     * The text itself, refused when it is not {@linkplain #isSingleLine one line}: an email address, a person's name
     * and a subject end up in mail headers, where a line break starts a header of the writer's choosing.
     */
    public static String singleLine(String field, String text) {
        if (!isSingleLine(text)) {
            throw ValidationFailed.of(field, "must be a single line");
        }
        return text;
    }

    /**
     * Whether the text holds no line break of any kind: CR, LF, NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH
     * SEPARATOR (U+2029); mail, HTTP and log software variously end a line at each of them.
     */
    public static boolean isSingleLine(String text) {
        return text.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029);
    }

    /**
     * Whether the text holds no C0 control character but tab, line feed and carriage return, and no unpaired UTF-16
     * surrogate. PostgreSQL refuses a NUL in text, terminals and logs misread the others, and an unpaired surrogate is
     * not a character at all, so none of them is ever a legitimate part of a name, subject or message.
     */
    public static boolean isPlainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
