package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.adapter.http.FuzzInputs.utf16;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.supportdesk.domain.attachment.FileName;

/**
 * S15, the name an upload is stored and offered under: any client-sent name through {@link FileName#sanitise} and then
 * into the download's {@code Content-Disposition} ({@link AttachmentTransfer}).
 */
class AttachmentNameFuzzTest {
    private static final String REFUSED_BY_WINDOWS = "<>:\"|?*/\\";
    private static final Set<String> RESERVED_DEVICES =
            Set.of("CON", "PRN", "AUX", "NUL", "COM1", "LPT1", "COM9", "LPT9");

    /**
     * A name is one path segment of visible text, no longer than the bound, without ends a file system trims or a
     * device name, and sanitising it again changes nothing.
     */
    @FuzzTest(maxDuration = "10m")
    void any_name_is_one_safe_segment(byte[] input) {
        String name = FileName.sanitise(utf16(input)).value();

        assertThat(name).isNotEmpty();
        assertThat(name.codePointCount(0, name.length())).isLessThanOrEqualTo(FileName.MAX_LENGTH);
        assertThat(name.codePoints()).noneMatch(cp -> REFUSED_BY_WINDOWS.indexOf(cp) >= 0 || invisible(cp));
        assertThat(name)
                .doesNotStartWith(".")
                .doesNotStartWith(" ")
                .doesNotEndWith(".")
                .doesNotEndWith(" ");
        String device = name.split("\\.", 2)[0].strip().toUpperCase(Locale.ROOT);
        assertThat(RESERVED_DEVICES).doesNotContain(device);
        assertThat(FileName.sanitise(name).value()).isEqualTo(name);
    }

    /** Both forms of the download's name are header-safe, and the RFC 8187 form decodes to the name exactly. */
    @FuzzTest(maxDuration = "10m")
    void a_download_header_carries_the_name_safely(byte[] input) {
        String name = FileName.sanitise(utf16(input)).value();

        assertThat(AttachmentTransfer.asciiFallback(name).chars())
                .allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\');
        String encoded = AttachmentTransfer.encoded(name);
        assertThat(encoded).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]*");
        assertThat(percentDecoded(encoded)).isEqualTo(name);
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String percentDecoded(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
