package org.supportdesk.domain.kb;

import java.util.Locale;
import org.supportdesk.domain.problem.ValidationFailed;

/** Whether customers may read an article: a draft is for staff only, a published article for the tenant's customers. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus parse(String raw) {
        for (ArticleStatus s : values()) {
            if (s.wireName().equals(raw)) {
                return s;
            }
        }
        throw ValidationFailed.of("status", "must be draft or published");
    }
}
