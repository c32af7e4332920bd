package org.supportdesk.domain.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.problem.ValidationFailed;

class SearchTextTest {
    @Test
    void words_are_runs_of_letters_and_digits_and_everything_else_separates_them() {
        assertThat(SearchText.parse("q", "Printer: 'offline' & <b>error</b> 42!")
                        .orElseThrow()
                        .terms())
                .containsExactly("Printer", "offline", "b", "error", "42");
        assertThat(SearchText.parse("q", "Drucker druckt nicht: Ärger")
                        .orElseThrow()
                        .terms())
                .containsExactly("Drucker", "druckt", "nicht", "Ärger");
    }

    @Test
    void search_syntax_means_nothing() {
        assertThat(SearchText.parse("q", "a:* | !b & (c) <-> 'd'").orElseThrow().terms())
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void text_without_words_is_a_search_for_nothing_and_no_text_is_no_search() {
        assertThat(SearchText.parse("q", "  !!! -- "))
                .hasValueSatisfying(text -> assertThat(text.hasWords()).isFalse());
        assertThat(SearchText.parse("q", "   ")).isEmpty();
        assertThat(SearchText.parse("q", null)).isEmpty();
    }

    @Test
    void repeats_are_dropped_and_at_most_sixteen_words_are_kept() {
        String many = IntStream.range(0, 30).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));

        assertThat(SearchText.parse("q", "x y x").orElseThrow().terms()).containsExactly("x", "y");
        assertThat(SearchText.parse("q", many).orElseThrow().terms()).hasSize(SearchText.MAX_TERMS);
    }

    @Test
    void the_last_word_is_the_one_being_typed() {
        assertThat(SearchText.parse("subject", "Cannot print the invo")
                        .orElseThrow()
                        .lastTerm())
                .isEqualTo("invo");
    }

    @Test
    void overly_long_input_is_refused_under_the_name_the_caller_gave() {
        assertThatThrownBy(() -> SearchText.parse("subject", "x".repeat(SearchText.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("subject"));
    }
}
