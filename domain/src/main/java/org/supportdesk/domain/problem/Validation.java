package org.supportdesk.domain.problem;

/** Shared input rules for value objects, each failing with a {@link ValidationFailed} that names the field. */
public final class Validation {
    private Validation() {}

    /** The text stripped of surrounding white space, refused when missing or outside {@code min..max} characters. */
    public static String trimmed(String field, String raw, int min, int max) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() < min || text.length() > max) {
            throw ValidationFailed.of(
                    field,
                    min == max ? "must be " + min + " characters" : "must be " + min + " to " + max + " characters");
        }
        return text;
    }
}
