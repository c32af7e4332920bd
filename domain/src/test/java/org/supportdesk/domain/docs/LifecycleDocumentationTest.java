package org.supportdesk.domain.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.ticket.Lifecycle;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Trigger;

/**
 * docs/architecture.md shows the lifecycle table rendered from {@link Lifecycle}; this fails when the two differ.
 * Run with {@code -Ddocs.update=true} to rewrite the table in the document from the code.
 */
class LifecycleDocumentationTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "architecture.md");
    private static final String START =
            "<!-- lifecycle-table:start (generated from Lifecycle; see LifecycleDocumentationTest) -->\n";
    private static final String END = "<!-- lifecycle-table:end -->";

    @Test
    void the_documented_lifecycle_table_is_the_one_in_the_code() throws IOException {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        assertThat(start).as("%s has the lifecycle table markers", DOCUMENT).isNotNegative();
        assertThat(end).isGreaterThan(start);
        String documented = document.substring(start + START.length(), end);
        String rendered = render();

        if (Boolean.getBoolean("docs.update") && !documented.equals(rendered)) {
            Files.writeString(
                    DOCUMENT, document.substring(0, start + START.length()) + rendered + document.substring(end));
            documented = rendered;
        }
        assertThat(documented).as("the lifecycle table in %s", DOCUMENT).isEqualTo(rendered);
    }

    static String render() {
        StringBuilder table = new StringBuilder("| from → to |");
        for (TicketStatus to : TicketStatus.values()) {
            table.append(' ').append(to.wireName()).append(" |");
        }
        table.append("\n|---|");
        table.append("---|".repeat(TicketStatus.values().length)).append('\n');
        for (TicketStatus from : TicketStatus.values()) {
            table.append("| ").append(from.wireName()).append(" |");
            for (TicketStatus to : TicketStatus.values()) {
                Set<Trigger> triggers = Lifecycle.triggers(from, to);
                table.append(' ')
                        .append(
                                triggers.isEmpty()
                                        ? "—"
                                        : triggers.stream().map(Trigger::label).collect(Collectors.joining(", ")))
                        .append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }
}
