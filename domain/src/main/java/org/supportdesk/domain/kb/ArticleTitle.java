package org.supportdesk.domain.kb;

import org.supportdesk.domain.problem.Validation;

/** An article's title: trimmed, 3 to 200 characters, no control characters. */
public record ArticleTitle(String value) {
    public static final int MAX_LENGTH = 200;

    public ArticleTitle {
        value = ArticleText.printable("title", Validation.trimmed("title", value, 3, MAX_LENGTH));
    }

    @Override
    public String toString() {
        return value;
    }
}
