package org.supportdesk.domain.kb;

import org.supportdesk.domain.problem.ValidationFailed;

/** The rule an article's title and body share: no control characters but tab, line feed and carriage return. */
final class ArticleText {
    private ArticleText() {}

    /**
     * Refuses control characters. Search snippets mark their matches with two of them ({@link Snippet#MATCH_START},
     * {@link Snippet#MATCH_END}), so text that could hold them could forge a highlight.
     */
    static String printable(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw ValidationFailed.of(field, "must not contain control characters");
            }
        }
        return text;
    }
}
