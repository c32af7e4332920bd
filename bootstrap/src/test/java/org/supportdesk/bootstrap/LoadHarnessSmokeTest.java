package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load harness in its smoke mode ({@link LoadSettings#smoke()}): the same code as the {@code bench} run, with a
 * tiny seed and a second per workload, both services with {@code -Xmx256m}, then a write and a read spread over two
 * tenants and over two server instances, so CI proves it still runs against all of them. It measures nothing.
 */
class LoadHarnessSmokeTest {
    @Test
    void
            every_workload_runs_against_the_server_and_the_bare_stack_then_a_write_and_a_read_over_two_tenants_and_over_two_instances_all_2xx()
                    throws Exception {
        LoadSettings settings = LoadSettings.smoke();
        LoadReport report = LoadHarness.run(settings, System.out);

        List<LoadReport.Pass> passes = report.passes();
        assertThat(passes).hasSize(2);
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

        LoadReport.Pass overTenants = passes.get(1);
        assertThat(overTenants.title()).startsWith("2 clients spread over 2 tenants");
        assertThat(overTenants.rows())
                .extracting(LoadReport.Row::workload)
                .containsExactlyElementsOf(settings.spreadWorkloads());
        for (LoadReport.Row row : overTenants.rows()) {
            assertThat(row.server().requests()).as(row.workload().title).isPositive();
            assertThat(row.server().failures()).as(row.workload().title).isEmpty();
            assertThat(row.bare())
                    .as("the first pass's bare figures")
                    .contains(both.row(row.workload()).orElseThrow().bare().orElseThrow());
        }

        assertThat(report.instancesPasses()).hasSize(1);
        LoadReport.InstancesPass spread = report.instancesPasses().get(0);
        assertThat(spread.rows())
                .extracting(LoadReport.InstancesRow::workload)
                .containsExactlyElementsOf(settings.spreadWorkloads());
        for (LoadReport.InstancesRow row : spread.rows()) {
            assertThat(row.instances()).as(row.workload().title).hasSize(2);
            for (LoadClients.Measurement instance : row.instances()) {
                assertThat(instance.requests()).as(row.workload().title).isPositive();
                assertThat(instance.failures()).as(row.workload().title).isEmpty();
            }
        }
        assertThat(spread.instances()).hasSize(2).allSatisfy(memory -> assertThat(memory.residentBytes())
                .isPositive());

        String table = report.markdown();
        Arrays.stream(LoadWorkload.values())
                .forEach(workload -> assertThat(table).contains("| " + workload.title + " | "));
        assertThat(table.lines().filter(line -> line.startsWith("answers other than 2xx")))
                .as("one failures line per pass, each without a failure")
                .containsExactly(
                        "answers other than 2xx (status × count, 0 = no answer): none",
                        "answers other than 2xx (status × count, 0 = no answer): none",
                        "answers other than 2xx (status × count, 0 = no answer): none");
        assertThat(table).contains("\n#### 2 clients spread over 2 tenants");
        assertThat(table).contains("\n#### 2 instances of Supportdesk");
        String spreadTables = table.substring(table.indexOf("\n#### 2 instances of Supportdesk"));
        assertThat(spreadTables).contains("| workload | 2 instances req/s |");
        settings.spreadWorkloads()
                .forEach(workload -> assertThat(spreadTables).contains("| " + workload.title + " | "));
    }
}
