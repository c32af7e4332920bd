package org.supportdesk.domain.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * What someone searches the knowledge base for: the words of what they typed (runs of letters and digits), in order,
 * repeats dropped, at most {@link #MAX_TERMS}. Everything else they typed (quotes, operators, markup, punctuation) only
 * separates words, so the words can be handed to any search engine without meaning anything to it. Each store folds
 * case as it folds its documents. Text without a single word is a search all the same, one that finds nothing; the
 * use cases answer it without asking a store, which is only ever given words.
 */
public record SearchText(List<String> terms) {
    public static final int MAX_TERMS = 16;
    public static final int MAX_LENGTH = 500;

    public SearchText {
        terms = List.copyOf(terms);
        if (terms.size() > MAX_TERMS) {
            throw new IllegalArgumentException("a search has at most " + MAX_TERMS + " words");
        }
        for (String term : terms) {
            if (term.isEmpty() || !term.codePoints().allMatch(Character::isLetterOrDigit)) {
                throw new IllegalArgumentException("a search word is letters and digits only: " + term);
            }
        }
    }

    /**
     * The words of {@code raw}; empty when nothing (or only white space) was typed, no search at all. {@code field}
     * names the input in a refusal.
     *
     * @throws ValidationFailed when {@code raw} is longer than {@link #MAX_LENGTH} characters
     */
    public static Optional<SearchText> parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (raw.length() > MAX_LENGTH) {
            throw ValidationFailed.of(field, "must be at most " + MAX_LENGTH + " characters");
        }
        List<String> terms = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        raw.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else {
                add(terms, word);
            }
        });
        add(terms, word);
        return Optional.of(new SearchText(terms));
    }

    /** Whether there is a word to look for; a search without one finds nothing. */
    public boolean hasWords() {
        return !terms.isEmpty();
    }

    private static void add(List<String> terms, StringBuilder word) {
        if (word.length() > 0) {
            String term = word.toString();
            if (!terms.contains(term) && terms.size() < MAX_TERMS) {
                terms.add(term);
            }
            word.setLength(0);
        }
    }

    /** The word being typed, which suggestions match as a prefix; a search without words has none. */
    public String lastTerm() {
        if (terms.isEmpty()) {
            throw new IllegalStateException("a search without words has no last word");
        }
        return terms.get(terms.size() - 1);
    }
}
