package org.supportdesk.domain.tenant;

import java.util.regex.Pattern;
import org.supportdesk.domain.problem.ValidationFailed;

/** A ticket category slug, one of a tenant's configured set. */
public record Category(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

    public Category {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw ValidationFailed.of("category", "must match " + SLUG.pattern());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
