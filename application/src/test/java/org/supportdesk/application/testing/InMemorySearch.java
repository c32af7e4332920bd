package org.supportdesk.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.kb.Snippet;

/**
 * Knowledge-base search over articles in memory, as the {@code KnowledgeBase} port describes it: documents split into
 * words as {@link SearchText} splits queries, case folded; a title word weighs more than a body word; the snippet is
 * the body's words around the first match, marked, or the body's opening.
 */
final class InMemorySearch {
    private static final double TITLE_WEIGHT = 1.0;
    private static final double BODY_WEIGHT = 0.4;
    /** Words shown before the first match, so it does not open the snippet. */
    private static final int LEAD_WORDS = 5;

    private final List<String> terms;
    private final boolean any;

    private InMemorySearch(SearchText text, boolean any) {
        this.terms = text.terms().stream().map(InMemorySearch::fold).toList();
        this.any = any;
    }

    /** Every word must occur. */
    static InMemorySearch allWords(SearchText text) {
        return new InMemorySearch(text, false);
    }

    /** Any word may occur, the last also as a prefix. */
    static InMemorySearch anyWord(SearchText text) {
        return new InMemorySearch(text, true);
    }

    boolean matches(Article article) {
        return matches(words(article.title().value()), words(article.body().value()));
    }

    /** Whether the title alone satisfies the search: such articles rank first. */
    boolean titleMatches(Article article) {
        return matches(words(article.title().value()), List.of());
    }

    double score(Article article) {
        double score = 0;
        for (int t = 0; t < terms.size(); t++) {
            score += TITLE_WEIGHT * count(words(article.title().value()), t)
                    + BODY_WEIGHT * count(words(article.body().value()), t);
        }
        return score;
    }

    Snippet snippet(Article article) {
        String body = article.body().value();
        List<Word> words = words(body);
        int first = -1;
        for (int i = 0; i < words.size() && first < 0; i++) {
            if (matchesAnyTerm(words.get(i).folded())) {
                first = i;
            }
        }
        if (first < 0) {
            return Snippet.opening(body);
        }
        int from = Math.max(0, Math.min(first - LEAD_WORDS, words.size() - Snippet.MAX_WORDS));
        int to = Math.min(words.size(), from + Snippet.MAX_WORDS);
        StringBuilder marked = new StringBuilder();
        int cursor = from == 0 ? 0 : words.get(from).start();
        for (int i = from; i < to; i++) {
            Word word = words.get(i);
            marked.append(body, cursor, word.start());
            boolean hit = matchesAnyTerm(word.folded());
            if (hit) {
                marked.append(Snippet.MATCH_START);
            }
            marked.append(body, word.start(), word.end());
            if (hit) {
                marked.append(Snippet.MATCH_END);
            }
            cursor = word.end();
        }
        if (to == words.size()) {
            marked.append(body, cursor, body.length());
        }
        return Snippet.fromMarked(marked.toString());
    }

    private boolean matches(List<Word> title, List<Word> body) {
        for (int t = 0; t < terms.size(); t++) {
            boolean found = count(title, t) + count(body, t) > 0;
            if (any && found) {
                return true;
            }
            if (!any && !found) {
                return false;
            }
        }
        return !any;
    }

    private int count(List<Word> words, int term) {
        int count = 0;
        for (Word word : words) {
            if (termMatches(word.folded(), term)) {
                count++;
            }
        }
        return count;
    }

    private boolean matchesAnyTerm(String word) {
        for (int t = 0; t < terms.size(); t++) {
            if (termMatches(word, t)) {
                return true;
            }
        }
        return false;
    }

    private boolean termMatches(String word, int term) {
        String wanted = terms.get(term);
        return any && term == terms.size() - 1 ? word.startsWith(wanted) : word.equals(wanted);
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** A run of letters and digits in a text, where it starts and ends, and its folded form. */
    private record Word(int start, int end, String folded) {}

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                words.add(new Word(start, i, fold(text.substring(start, i))));
            } else {
                i += Character.charCount(c);
            }
        }
        return words;
    }
}
