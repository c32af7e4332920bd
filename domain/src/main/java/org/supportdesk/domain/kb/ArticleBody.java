package org.supportdesk.domain.kb;

import org.supportdesk.domain.problem.Validation;

/**
 * An article's text: trimmed, 1 to 50,000 characters, no control characters but tab and line breaks. It is plain
 * text; whoever shows it renders it as text, never as HTML.
 */
public record ArticleBody(String value) {
    public static final int MAX_LENGTH = 50_000;

    public ArticleBody {
        value = ArticleText.printable("body", Validation.trimmed("body", value, 1, MAX_LENGTH));
    }

    @Override
    public String toString() {
        return value;
    }
}
