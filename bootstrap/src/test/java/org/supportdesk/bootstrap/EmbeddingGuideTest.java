package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/embedding.md shows code that runs: every Java block of the guide is a tagged region of a test that CI runs, word
 * for word, and every tagged region is in the guide. Edit the test, then copy the region into the guide.
 */
class EmbeddingGuideTest {
    private static final Path GUIDE = Path.of("..", "docs", "embedding.md");
    private static final List<Path> EXAMPLES = List.of(
            testSource("application", "org/supportdesk/application/EmbeddingTest.java"),
            testSource("adapter-persistence", "org/supportdesk/adapter/persistence/EmbeddingOverPostgresTest.java"),
            testSource("adapter-persistence", "org/supportdesk/adapter/persistence/JdbiTicketRepositoryTest.java"));
    private static final Pattern REGION =
            Pattern.compile("(?m)^[ \\t]*// tag::([a-z-]+)\\[\\]\\n(.*?)^[ \\t]*// end::\\1\\[\\]$", Pattern.DOTALL);
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);

    @Test
    void every_java_block_of_the_guide_is_a_tested_region_and_every_region_is_shown() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        for (Path example : EXAMPLES) {
            Matcher region = REGION.matcher(Files.readString(example));
            while (region.find()) {
                regions.put(region.group(1), dedent(region.group(2)));
            }
        }
        List<String> blocks = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(Files.readString(GUIDE));
        while (block.find()) {
            blocks.add(block.group(1));
        }

        assertThat(regions).containsOnlyKeys("wire", "use", "postgres", "contract");
        assertThat(blocks)
                .as("the guide's Java, each a tagged region of a test")
                .isSubsetOf(regions.values());
        assertThat(regions.values())
                .as("every tagged region, shown in the guide")
                .isSubsetOf(blocks);
    }

    private static Path testSource(String module, String file) {
        return Path.of("..", module, "src", "test", "java").resolve(file);
    }

    /** The region's lines without the indentation they share, each ending in a newline, as in a Markdown block. */
    private static String dedent(String region) {
        List<String> lines = region.lines().toList();
        int indent = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder text = new StringBuilder();
        lines.forEach(line ->
                text.append(line.isBlank() ? "" : line.substring(indent)).append('\n'));
        return text.toString();
    }
}
