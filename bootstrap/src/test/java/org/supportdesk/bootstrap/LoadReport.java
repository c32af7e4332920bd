package org.supportdesk.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** What a load harness run measured, pass by pass, and its Markdown tables (docs/performance.md). */
final class LoadReport {
    /** A pass of the run and its tables, in the order the run measured them. */
    sealed interface Section permits Pass, InstancesPass {}

    /** One workload of a pass: the server's figures and, where it ran, the bare stack's. */
    record Row(LoadWorkload workload, LoadClients.Measurement server, Optional<LoadClients.Measurement> bare) {}

    /** A set of workloads at one concurrency, and what the two JVMs held in memory after it. */
    record Pass(String title, List<Row> rows, JvmProbe.Memory server, Optional<JvmProbe.Memory> bare)
            implements Section {
        Optional<Row> row(LoadWorkload workload) {
            return rows.stream().filter(row -> row.workload() == workload).findFirst();
        }
    }

    /**
     * One workload with the clients spread over several server instances: each instance's figures, in instance order,
     * and the one instance's of the same run at the same concurrency.
     */
    record InstancesRow(
            LoadWorkload workload, List<LoadClients.Measurement> instances, LoadClients.Measurement oneInstance) {
        LoadClients.Measurement together() {
            return LoadClients.Measurement.together(instances);
        }
    }

    /** A set of workloads spread over several server instances, and what each of their JVMs held after it. */
    record InstancesPass(String title, List<InstancesRow> rows, List<JvmProbe.Memory> instances) implements Section {}

    private final String machine;
    private final List<Section> sections = new ArrayList<>();

    LoadReport(String machine) {
        this.machine = machine;
    }

    void add(Section section) {
        sections.add(section);
    }

    /** The passes of the server against the bare stack (or alone), in run order. */
    List<Pass> passes() {
        return sections(Pass.class);
    }

    List<InstancesPass> instancesPasses() {
        return sections(InstancesPass.class);
    }

    private <T extends Section> List<T> sections(Class<T> kind) {
        return sections.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    String markdown() {
        StringBuilder out = new StringBuilder(machine).append("\n");
        for (Section section : sections) {
            if (section instanceof Pass pass) {
                pass(pass, out);
            } else if (section instanceof InstancesPass pass) {
                instances(pass, out);
            }
        }
        return out.toString();
    }

    private static void pass(Pass pass, StringBuilder out) {
        out.append("\n#### ").append(pass.title()).append("\n\n");
        out.append("| workload | Supportdesk req/s | p50 | p95 | p99 | non-2xx | bare req/s | p50 | p95 | p99 |")
                .append(" non-2xx | ratio |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : pass.rows()) {
            out.append("| ").append(row.workload().title).append(" | ").append(figures(row.server()));
            out.append(row.bare().map(LoadReport::figures).orElse("– | – | – | – | – | "));
            out.append(row.bare()
                            .map(bare -> percent(row.server().throughput() / bare.throughput()))
                            .orElse("–"))
                    .append(" |\n");
        }
        out.append("\n| workload | Supportdesk allocated per request | GCs | GC time | bare allocated per request |")
                .append(" GCs | GC time |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row row : pass.rows()) {
            out.append("| ").append(row.workload().title).append(" | ").append(work(row.server()));
            out.append(row.bare().map(LoadReport::work).orElse("– | – | – | ")).append("\n");
        }
        out.append("\nresident memory after the pass: Supportdesk ").append(memory(pass.server()));
        pass.bare().ifPresent(bare -> out.append(", bare stack ").append(memory(bare)));
        out.append("\n");
        failures(
                pass.rows().stream()
                        .flatMap(row -> Stream.concat(
                                failures("Supportdesk", row.workload(), row.server()).stream(),
                                row.bare().flatMap(bare -> failures("bare stack", row.workload(), bare)).stream())),
                out);
    }

    /**
     * The instances' figures taken together (requests and latencies of all their clients, allocation and GC summed
     * over their JVMs) beside the one instance's; the ratio is theirs over its.
     */
    private static void instances(InstancesPass pass, StringBuilder out) {
        String many = pass.instances().size() + " instances";
        out.append("\n#### ").append(pass.title()).append("\n\n");
        out.append("| workload | ")
                .append(many)
                .append(" req/s | p50 | p95 | p99 | non-2xx |")
                .append(" 1 instance req/s | p50 | p95 | p99 | non-2xx | ratio ")
                .append(many)
                .append(" / 1 |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (InstancesRow row : pass.rows()) {
            LoadClients.Measurement together = row.together();
            out.append("| ").append(row.workload().title).append(" | ").append(figures(together));
            out.append(figures(row.oneInstance()));
            out.append(percent(together.throughput() / row.oneInstance().throughput()))
                    .append(" |\n");
        }
        out.append("\n| workload | ")
                .append(many)
                .append(" allocated per request, all JVMs | GCs, all JVMs | GC time, all JVMs |")
                .append(" 1 instance allocated per request | GCs | GC time |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (InstancesRow row : pass.rows()) {
            out.append("| ").append(row.workload().title).append(" | ").append(work(row.together()));
            out.append(work(row.oneInstance())).append("\n");
        }
        out.append("\nresident memory after the pass: ")
                .append(IntStream.range(0, pass.instances().size())
                        .mapToObj(i -> instance(i)
                                + (i == 0 ? " (the one-instance passes' server) " : " ")
                                + memory(pass.instances().get(i)))
                        .collect(Collectors.joining(", ")))
                .append("\n");
        failures(
                pass.rows().stream().flatMap(row -> IntStream.range(
                                0, row.instances().size())
                        .mapToObj(i -> failures(
                                instance(i), row.workload(), row.instances().get(i)))
                        .flatMap(Optional::stream)),
                out);
    }

    private static String instance(int index) {
        return "instance " + (index + 1);
    }

    private static void failures(Stream<String> failures, StringBuilder out) {
        String listed = failures.collect(Collectors.joining("; "));
        out.append("answers other than 2xx (status × count, 0 = no answer): ")
                .append(listed.isEmpty() ? "none" : listed)
                .append("\n");
    }

    private static Optional<String> failures(
            String target, LoadWorkload workload, LoadClients.Measurement measurement) {
        if (measurement.failures().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(target + " " + workload.title + ": "
                + measurement.failures().entrySet().stream()
                        .map(entry -> entry.getKey() + " × " + entry.getValue())
                        .collect(Collectors.joining(", ")));
    }

    private static String figures(LoadClients.Measurement m) {
        return String.format(
                Locale.ROOT,
                "%,.0f | %s | %s | %s | %,d | ",
                m.throughput(),
                millis(m.percentile(0.50)),
                millis(m.percentile(0.95)),
                millis(m.percentile(0.99)),
                m.failed());
    }

    private static String work(LoadClients.Measurement m) {
        long perRequest = m.requests() == 0 ? 0 : m.use().allocatedBytes() / m.requests();
        return String.format(
                Locale.ROOT,
                "%,d KB | %d | %,d ms | ",
                perRequest / 1024,
                m.use().collections(),
                m.use().collectionMillis());
    }

    private static String memory(JvmProbe.Memory memory) {
        return String.format(
                Locale.ROOT, "%,d MiB (peak %,d MiB)", memory.residentBytes() >> 20, memory.peakResidentBytes() >> 20);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }
}
