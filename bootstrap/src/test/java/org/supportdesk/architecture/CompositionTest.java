package org.supportdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No class of any module, production or test, builds a use case but the composition ({@code UseCases.over}): every
 * test harness runs the very core the server runs. The test code of the other modules is read from their build
 * output, which a reactor build ({@code mvn verify} at the root) has produced before this module's tests run.
 */
class CompositionTest {
    private static final List<String> MODULES =
            List.of("domain", "application", "adapter-http", "adapter-persistence", "adapter-notify", "bootstrap");
    private static final List<String> MODULES_WITH_TESTS =
            List.of("domain", "application", "adapter-http", "adapter-persistence", "bootstrap");

    @Test
    void use_cases_are_built_only_by_the_composition_in_production_and_test_code() {
        List<Path> outputs = new ArrayList<>();
        for (String module : MODULES) {
            for (String output : List.of("classes", "test-classes")) {
                Path directory = Path.of("..", module, "target", output);
                if (Files.isDirectory(directory)) {
                    outputs.add(directory);
                }
            }
        }
        assertThat(outputs)
                .as("the compiled test classes of every module (build from the root: mvn verify)")
                .containsAll(MODULES_WITH_TESTS.stream()
                        .map(module -> Path.of("..", module, "target", "test-classes"))
                        .toList());

        JavaClasses everything = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/probe/"))
                .importPaths(outputs);

        assertThat(everything.contain("org.supportdesk.adapter.http.TestServer"))
                .as("the HTTP test server is among the classes checked")
                .isTrue();
        ArchitectureRules.use_cases_are_built_only_by_the_composition.check(everything);
    }
}
