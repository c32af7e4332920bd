package org.supportdesk.domain.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.kb.Snippet.Highlight;

class SnippetTest {
    private static final char S = Snippet.MATCH_START;
    private static final char E = Snippet.MATCH_END;

    @Test
    void markers_become_ranges_of_the_plain_text() {
        Snippet snippet = Snippet.fromMarked(
                "Restart the " + S + "printer" + E + " and wait for the " + S + "printer" + E + " light");

        assertThat(snippet.text()).isEqualTo("Restart the printer and wait for the printer light");
        assertThat(snippet.highlights()).containsExactly(new Highlight(12, 19), new Highlight(37, 44));
        assertThat(snippet.highlighted()).containsExactly("printer", "printer");
    }

    @Test
    void markup_in_the_text_stays_text_and_highlights_only_what_was_marked() {
        Snippet snippet = Snippet.fromMarked("<b>fake</b> <img src=x onerror=alert(1)> " + S + "printer" + E);

        assertThat(snippet.text()).isEqualTo("<b>fake</b> <img src=x onerror=alert(1)> printer");
        assertThat(snippet.highlighted()).containsExactly("printer");
    }

    @Test
    void white_space_runs_become_one_space_and_offsets_follow() {
        Snippet snippet = Snippet.fromMarked("\n  First\tline\n\n" + S + "match" + E + "   end  ");

        assertThat(snippet.text()).isEqualTo("First line match end");
        assertThat(snippet.highlighted()).containsExactly("match");
    }

    @Test
    void a_marker_without_its_partner_marks_nothing() {
        assertThat(Snippet.fromMarked("a " + E + "b " + S + "c").highlights()).isEmpty();
        assertThat(Snippet.fromMarked("a " + S + E + "b").highlights()).isEmpty();
    }

    @Test
    void offsets_count_utf16_code_units_as_javascript_does() {
        Snippet snippet = Snippet.fromMarked("\uD83D\uDE00 " + S + "drucker" + E);

        assertThat(snippet.highlights()).containsExactly(new Highlight(3, 10));
    }

    @Test
    void the_opening_is_the_first_words_without_highlights() {
        String body = String.join(" ", java.util.Collections.nCopies(40, "word"));

        Snippet opening = Snippet.opening("  " + body);

        assertThat(opening.text().split(" ")).hasSize(Snippet.MAX_WORDS);
        assertThat(opening.highlights()).isEmpty();
        assertThat(Snippet.opening("Two\nwords").text()).isEqualTo("Two words");
    }

    @Test
    void highlights_lie_inside_the_text_in_order() {
        assertThatThrownBy(() -> new Snippet("abc", List.of(new Highlight(1, 4))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Snippet("abcdef", List.of(new Highlight(3, 4), new Highlight(1, 2))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
