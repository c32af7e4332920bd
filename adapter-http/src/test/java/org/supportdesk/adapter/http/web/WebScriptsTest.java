package org.supportdesk.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our page scripts never turn text into markup or code (docs/adr/0018-web-pages.md): none of them uses an API that
 * parses HTML or evaluates a string, and no page has an inline script or handler for the policy to refuse. Vendored
 * third-party files are theirs, and are not ours to scan.
 */
class WebScriptsTest {
    private static final Path WEB = Path.of("src/main/resources/web");
    private static final Pattern MARKUP_OR_CODE =
            Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new Function\\s*\\("
                    + "|setTimeout\\s*\\(\\s*['\"`]|createContextualFragment|DOMParser");
    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    void no_script_of_ours_parses_markup_or_evaluates_text() throws IOException {
        List<Path> scripts = ours(".js");
        assertThat(scripts).isNotEmpty();
        for (Path script : scripts) {
            assertThat(MARKUP_OR_CODE.matcher(Files.readString(script)).find())
                    .as(script + " uses an API that parses markup or evaluates text")
                    .isFalse();
        }
    }

    @Test
    void no_page_has_an_inline_script_or_handler() throws IOException {
        List<Path> pages = ours(".html");
        assertThat(pages).isNotEmpty();
        for (Path page : pages) {
            assertThat(INLINE_SCRIPT.matcher(Files.readString(page)).find())
                    .as(page + " has an inline script, handler or javascript: URL")
                    .isFalse();
        }
    }

    private static List<Path> ours(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(WEB)) {
            return files.filter(path -> path.toString().endsWith(suffix))
                    .filter(path -> !path.toString().contains("/vendor/"))
                    .toList();
        }
    }
}
