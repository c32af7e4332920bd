package org.supportdesk.bootstrap;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How big and how long a load harness run is. From system properties ({@code -Dload.tickets=10000} …, see
 * docs/performance.md), or the smoke test's tiny run. A {@code latencyClients} of 0 leaves the latency pass out;
 * {@code workloads} are those the two passes run; {@code instances} server instances run {@code spreadWorkloads}
 * with the clients spread over them (1 leaves that pass out); the small-heap run, if any, is always the mixed one.
 */
record LoadSettings(
        int tickets,
        int requesters,
        int clients,
        int latencyClients,
        Duration warmup,
        Duration span,
        Duration latencySpan,
        String heap,
        Optional<String> smallHeap,
        List<LoadWorkload> workloads,
        int tenants,
        int instances,
        List<LoadWorkload> spreadWorkloads) {

    LoadSettings {
        workloads = List.copyOf(workloads);
        spreadWorkloads = List.copyOf(spreadWorkloads);
        requireSpreadable("load.tenants", tenants, clients);
        requireSpreadable("load.instances", instances, clients);
        // The spreading passes set each workload beside the first pass's figures for it.
        if (!workloads.containsAll(spreadWorkloads)) {
            throw new IllegalArgumentException(
                    "the spreading passes' " + spreadWorkloads + " are not all among the first pass's " + workloads);
        }
    }

    static LoadSettings fromSystemProperties() {
        List<LoadWorkload> workloads = workloads(System.getProperty("load.workloads", ""));
        return new LoadSettings(
                Integer.getInteger("load.tickets", 10_000),
                Integer.getInteger("load.requesters", 200),
                Integer.getInteger("load.clients", 8),
                Integer.getInteger("load.latencyClients", 1),
                Duration.ofSeconds(Integer.getInteger("load.warmup", 5)),
                Duration.ofSeconds(Integer.getInteger("load.seconds", 20)),
                Duration.ofSeconds(Integer.getInteger("load.latencySeconds", 10)),
                System.getProperty("load.heap", "1g"),
                Optional.of(System.getProperty("load.smallHeap", "256m")),
                workloads,
                Integer.getInteger("load.tenants", 8),
                Integer.getInteger("load.instances", 2),
                workloads);
    }

    private static void requireSpreadable(String setting, int over, int clients) {
        if (over < 1 || over > clients) {
            throw new IllegalArgumentException(
                    setting + " is " + over + ": 1 to load.clients (" + clients + "), each needs a client");
        }
    }

    /** Comma-separated workload names ({@code create,reply}), or every workload when there are none. */
    private static List<LoadWorkload> workloads(String names) {
        if (names.isBlank()) {
            return List.of(LoadWorkload.values());
        }
        return Arrays.stream(names.split(","))
                .map(name -> LoadWorkload.valueOf(name.strip().toUpperCase(Locale.ROOT)))
                .toList();
    }

    /**
     * A tiny seed and a second per workload with no warm-up (so every client's first request counts, however cold),
     * for CI: proves the harness runs, measures nothing. Both services run with {@code -Xmx256m} already, so there is
     * no separate small-heap run; two tenants, then two instances, one client each, run a write and a read, which is
     * enough to prove those passes run without adding a second per workload.
     */
    static LoadSettings smoke() {
        return new LoadSettings(
                40,
                5,
                2,
                0,
                Duration.ZERO,
                Duration.ofSeconds(1),
                Duration.ZERO,
                "256m",
                Optional.empty(),
                List.of(LoadWorkload.values()),
                2,
                2,
                List.of(LoadWorkload.CREATE, LoadWorkload.LIST));
    }
}
