package org.supportdesk.domain.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.call.CallLifecycle;
import org.supportdesk.domain.call.CallStatus;

/**
 * docs/architecture.md shows the call-back table rendered from {@link CallLifecycle}; this fails when the two differ.
 * Run with {@code -Ddocs.update=true} to rewrite the table in the document from the code.
 */
class CallLifecycleDocumentationTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "architecture.md");
    private static final String START =
            "<!-- call-table:start (generated from CallLifecycle; see CallLifecycleDocumentationTest) -->\n";
    private static final String END = "<!-- call-table:end -->";

    @Test
    void the_documented_call_table_is_the_one_in_the_code() throws IOException {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        assertThat(start).as("%s has the call table markers", DOCUMENT).isNotNegative();
        assertThat(end).isGreaterThan(start);
        String documented = document.substring(start + START.length(), end);
        String rendered = render();

        if (Boolean.getBoolean("docs.update") && !documented.equals(rendered)) {
            Files.writeString(
                    DOCUMENT, document.substring(0, start + START.length()) + rendered + document.substring(end));
            documented = rendered;
        }
        assertThat(documented).as("the call table in %s", DOCUMENT).isEqualTo(rendered);
    }

    static String render() {
        StringBuilder table = new StringBuilder("| from → to |");
        for (CallStatus to : CallStatus.values()) {
            table.append(' ').append(to.wireName()).append(" |");
        }
        table.append("\n|---|");
        table.append("---|".repeat(CallStatus.values().length)).append('\n');
        for (CallStatus from : CallStatus.values()) {
            table.append("| ").append(from.wireName()).append(" |");
            for (CallStatus to : CallStatus.values()) {
                table.append(' ')
                        .append(CallLifecycle.allows(from, to) ? "staff" : "—")
                        .append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }
}
