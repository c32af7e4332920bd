package org.supportdesk.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.supportdesk.domain.testing.HostileFileNames;

class FileNameTest {

    @Test
    void an_ordinary_name_is_kept_as_it_was() {
        assertThat(FileName.sanitise("Invoice 2026-03.pdf").value()).isEqualTo("Invoice 2026-03.pdf");
        assertThat(FileName.sanitise("скриншот экрана.png").value()).isEqualTo("скриншот экрана.png");
    }

    @Test
    void every_hostile_name_becomes_one_segment_without_controls_bidi_or_windows_traps() {
        assertThat(HostileFileNames.ALL).hasSize(30);
        for (String raw : HostileFileNames.ALL) {
            String name = FileName.sanitise(raw).value();
            assertThat(name)
                    .as("sanitised %s", raw)
                    .isNotBlank()
                    .doesNotContain("/", "\\", "\u0000", "\r", "\n", "\t", "\u202E", "\u2066", "\u200B", "\u007F")
                    .doesNotStartWith(".")
                    .doesNotEndWith(".")
                    .isNotIn("CON", "con.txt", "nul", "LPT1.log");
            assertThat(name.codePointCount(0, name.length())).isLessThanOrEqualTo(FileName.MAX_LENGTH);
            assertThat(name.codePoints()
                            .filter(cp -> Character.getType(cp) == Character.SURROGATE
                                    || Character.isWhitespace(cp) && cp != ' ')
                            .count())
                    .as("unpaired surrogates and white space other than a space in %s", name)
                    .isZero();
            assertThat(FileName.sanitise(name).value())
                    .as("sanitising twice changes nothing")
                    .isEqualTo(name);
        }
    }

    @Test
    void path_parts_go_and_the_last_segment_stays() {
        assertThat(FileName.sanitise("../../x").value()).isEqualTo("x");
        assertThat(FileName.sanitise("C:\\Windows\\system32\\cmd.exe").value()).isEqualTo("cmd.exe");
        assertThat(FileName.sanitise("%2e%2e/%2e%2e/x").value()).isEqualTo("x");
    }

    @Test
    void bidi_overrides_are_dropped_so_the_extension_reads_as_it_is() {
        assertThat(FileName.sanitise("evil\u202Egnp.exe").value()).isEqualTo("evilgnp.exe");
    }

    @Test
    void windows_device_names_and_hidden_names_are_defused() {
        assertThat(FileName.sanitise("CON").value()).isEqualTo("_CON");
        assertThat(FileName.sanitise("lpt1.log").value()).isEqualTo("_lpt1.log");
        assertThat(FileName.sanitise(".htaccess").value()).isEqualTo("htaccess");
        assertThat(FileName.sanitise("..").value()).isEqualTo(FileName.FALLBACK);
        assertThat(FileName.sanitise(null).value()).isEqualTo(FileName.FALLBACK);
    }

    @Test
    void a_long_name_is_cut_keeping_its_extension() {
        String name = FileName.sanitise("a".repeat(300) + ".png").value();

        assertThat(name).hasSize(FileName.MAX_LENGTH).endsWith(".png");
    }

    @Test
    void a_name_that_was_not_sanitised_is_refused() {
        assertThatThrownBy(() -> new FileName("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
