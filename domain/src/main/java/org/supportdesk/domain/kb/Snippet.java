package org.supportdesk.domain.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A short passage of an article around what a search matched: plain text, and the matches as ranges of it. It is never
 * markup. Whoever shows it renders {@code text} as text and marks each range themselves (for instance by wrapping it in
 * a {@code <mark>} element they create), so an article that contains {@code <script>} shows those characters and runs
 * nothing, and no text of an article can make a highlight of its own. Ranges count UTF-16 code units, as Java's
 * {@code String} and JavaScript's {@code String.prototype.slice} do: {@code start} inclusive, {@code end} exclusive,
 * ascending and apart.
 */
public record Snippet(String text, List<Highlight> highlights) {
    /** How many words a snippet shows at most. */
    public static final int MAX_WORDS = 30;

    /** Marks where a match starts in the marked text a search engine produces; articles never contain it. */
    public static final char MATCH_START = '\u0002';

    /** Marks where a match ends in marked text. */
    public static final char MATCH_END = '\u0003';

    public Snippet {
        Objects.requireNonNull(text, "text");
        highlights = List.copyOf(highlights);
        int previousEnd = 0;
        for (Highlight highlight : highlights) {
            if (highlight.start() < previousEnd || highlight.end() > text.length()) {
                throw new IllegalArgumentException("highlights lie inside the text, ascending and apart");
            }
            previousEnd = highlight.end();
        }
    }

    /** One match: the text from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Highlight(int start, int end) {
        public Highlight {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("a highlight covers at least one character");
            }
        }
    }

    /** The matched passages, in order. */
    public List<String> highlighted() {
        return highlights.stream().map(h -> text.substring(h.start(), h.end())).toList();
    }

    /**
     * Reads text whose matches are enclosed in {@link #MATCH_START} and {@link #MATCH_END}: the markers become ranges
     * and every run of white space one space, trimmed at both ends. A marker without its partner marks nothing.
     */
    public static Snippet fromMarked(String marked) {
        StringBuilder text = new StringBuilder();
        List<Highlight> highlights = new ArrayList<>();
        int openedAt = -1;
        boolean pendingSpace = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == MATCH_START) {
                if (pendingSpace && text.length() > 0) {
                    text.append(' ');
                }
                pendingSpace = false;
                openedAt = text.length();
            } else if (c == MATCH_END) {
                if (openedAt >= 0 && text.length() > openedAt) {
                    highlights.add(new Highlight(openedAt, text.length()));
                }
                openedAt = -1;
            } else if (Character.isWhitespace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace && text.length() > 0) {
                    text.append(' ');
                }
                pendingSpace = false;
                text.append(c);
            }
        }
        return new Snippet(text.toString(), highlights);
    }

    /** The first {@link #MAX_WORDS} words of {@code text}, nothing highlighted: what a list shows without a search. */
    public static Snippet opening(String text) {
        String[] words = text.strip().split("\\s+", MAX_WORDS + 1);
        int shown = Math.min(words.length, MAX_WORDS);
        return new Snippet(String.join(" ", List.of(words).subList(0, shown)), List.of());
    }
}
