package org.supportdesk.domain.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.supportdesk.domain.problem.FieldError;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * An article's tags, under the rule of a ticket's (§3): at most 20, trimmed and lowercased, duplicates collapsed, each
 * {@code [a-z0-9][a-z0-9_-]{0,49}}. Its own type because {@code kb} sits below {@code ticket} (a ticket names its
 * related article), so it cannot use the ticket's {@code Tags}.
 */
public record ArticleTags(SortedSet<String> values) {
    public static final int MAX_COUNT = 20;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");
    public static final ArticleTags NONE = new ArticleTags(new TreeSet<>());

    public ArticleTags {
        Objects.requireNonNull(values, "values");
        List<FieldError> errors = new ArrayList<>();
        for (String tag : values) {
            if (!isTag(tag)) {
                errors.add(new FieldError("tags", "'" + tag + "' must match " + TAG.pattern()));
            }
        }
        if (values.size() > MAX_COUNT) {
            errors.add(new FieldError("tags", "at most " + MAX_COUNT + " tags"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    /** Normalises raw input: trims, lowercases and collapses duplicates before validating. */
    public static ArticleTags of(Collection<String> raw) {
        TreeSet<String> normalised = new TreeSet<>();
        for (String tag : raw) {
            if (tag == null) {
                throw ValidationFailed.of("tags", "'null' must match " + TAG.pattern());
            }
            normalised.add(normalised(tag));
        }
        return new ArticleTags(normalised);
    }

    /** One tag as a filter names it, normalised like the tags themselves; refused when it could name no tag. */
    public static String tag(String raw) {
        String tag = normalised(Objects.requireNonNull(raw, "raw"));
        if (!isTag(tag)) {
            throw ValidationFailed.of("tag", "must match " + TAG.pattern());
        }
        return tag;
    }

    private static String normalised(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isTag(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    @Override
    public String toString() {
        return String.join(",", values);
    }
}
