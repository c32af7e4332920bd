package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load harness in its smoke mode ({@link LoadSettings#smoke()}): the same code as the {@code bench} run, with a
 * tiny seed and a second per workload, both services with {@code -Xmx256m}, so CI proves it still runs against both. It
 * measures nothing.
 */
class LoadHarnessSmokeTest {
    @Test
    void every_workload_runs_against_the_server_and_the_bare_stack_without_an_answer_other_than_2xx() throws Exception {
        LoadReport report = LoadHarness.run(LoadSettings.smoke(), System.out);

        List<LoadReport.Pass> passes = report.passes();
        assertThat(passes).hasSize(1);
        LoadReport.Pass both = passes.get(0);
        assertThat(both.rows()).extracting(LoadReport.Row::workload).containsExactly(LoadWorkload.values());
        for (LoadReport.Row row : both.rows()) {
            assertThat(row.bare()).as(row.workload().title).isPresent();
            for (LoadClients.Measurement measured :
                    List.of(row.server(), row.bare().orElseThrow())) {
                assertThat(measured.requests()).as(row.workload().title).isPositive();
                assertThat(measured.failures()).as(row.workload().title).isEmpty();
            }
        }
        assertThat(both.server().residentBytes()).isPositive();
        assertThat(both.bare().orElseThrow().residentBytes()).isPositive();

        String table = report.markdown();
        Arrays.stream(LoadWorkload.values())
                .forEach(workload -> assertThat(table).contains("| " + workload.title + " | "));
        assertThat(table).contains("answers other than 2xx (status × count, 0 = no answer): none");
    }
}
