package org.supportdesk.domain.tenant;

import java.util.regex.Pattern;
import org.supportdesk.domain.problem.ValidationFailed;

/** The name a tenant signs in under (§17: a login names its tenant by slug): 2 to 63 of a-z, 0-9 and '-'. */
public record TenantSlug(String value) {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public TenantSlug {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw ValidationFailed.of(
                    "slug", "must be 2 to 63 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
