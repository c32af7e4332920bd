package org.supportdesk.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a load harness run measured, pass by pass, and its Markdown tables (docs/performance.md). */
final class LoadReport {
    /** One workload of a pass: the server's figures and, where it ran, the bare stack's. */
    record Row(LoadWorkload workload, LoadClients.Measurement server, Optional<LoadClients.Measurement> bare) {}

    /** A set of workloads at one concurrency, and what the two JVMs held in memory after it. */
    record Pass(String title, List<Row> rows, JvmProbe.Memory server, Optional<JvmProbe.Memory> bare) {}

    private final String machine;
    private final List<Pass> passes = new ArrayList<>();

    LoadReport(String machine) {
        this.machine = machine;
    }

    void add(Pass pass) {
        passes.add(pass);
    }

    List<Pass> passes() {
        return List.copyOf(passes);
    }

    String markdown() {
        StringBuilder out = new StringBuilder(machine).append("\n");
        for (Pass pass : passes) {
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
            out.append(
                            "\n| workload | Supportdesk allocated per request | GCs | GC time | bare allocated per request |")
                    .append(" GCs | GC time |\n");
            out.append("|---|---|---|---|---|---|---|\n");
            for (Row row : pass.rows()) {
                out.append("| ").append(row.workload().title).append(" | ").append(work(row.server()));
                out.append(row.bare().map(LoadReport::work).orElse("– | – | – | "))
                        .append("\n");
            }
            out.append("\nresident memory after the pass: Supportdesk ").append(memory(pass.server()));
            pass.bare().ifPresent(bare -> out.append(", bare stack ").append(memory(bare)));
            out.append("\n");
            String failures = pass.rows().stream()
                    .flatMap(row -> Stream.concat(
                            failures("Supportdesk", row, row.server()).stream(),
                            row.bare().flatMap(bare -> failures("bare stack", row, bare)).stream()))
                    .collect(Collectors.joining("; "));
            out.append("answers other than 2xx (status × count, 0 = no answer): ")
                    .append(failures.isEmpty() ? "none" : failures)
                    .append("\n");
        }
        return out.toString();
    }

    private static Optional<String> failures(String target, Row row, LoadClients.Measurement measurement) {
        if (measurement.failures().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(target + " " + row.workload().title + ": "
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
