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
