package org.supportdesk.domain.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.supportdesk.domain.problem.FieldError;
import org.supportdesk.domain.problem.ValidationFailed;

/** A ticket's tags: at most 20, trimmed and lowercased, duplicates collapsed, each {@code [a-z0-9][a-z0-9_-]{0,49}}. */
public record Tags(SortedSet<String> values) {
    public static final int MAX_COUNT = 20;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");
    public static final Tags NONE = new Tags(new TreeSet<>());

    public Tags {
        Objects.requireNonNull(values, "values");
        List<FieldError> errors = new ArrayList<>();
        for (String tag : values) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                errors.add(new FieldError("tags", "'" + tag + "' must match " + TAG.pattern()));
            }
        }
        if (values.size() > MAX_COUNT) {
            errors.add(new FieldError("tags", "at most " + MAX_COUNT + " tags"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        values = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    /** Normalises raw input: trims, lowercases and collapses duplicates before validating. */
    public static Tags of(Collection<String> raw) {
        TreeSet<String> normalised = new TreeSet<>();
        for (String tag : raw) {
            if (tag == null) {
                // A TreeSet cannot hold null: refuse it here as input, not as a NullPointerException.
                throw ValidationFailed.of("tags", "'null' must match " + TAG.pattern());
            }
            normalised.add(tag.strip().toLowerCase(Locale.ROOT));
        }
        return new Tags(normalised);
    }

    @Override
    public String toString() {
        return String.join(",", values);
    }
}
