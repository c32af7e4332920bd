package org.supportdesk.adapter.persistence.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/** Latencies of one measured query shape, run repeatedly with varied parameters: warm-up first, then the samples. */
final class Timings {
    private static final int WARM_UP = 5;

    final String name;
    final double p50;
    final double p95;
    final double p99;
    final double max;

    private Timings(String name, List<Double> millis) {
        this.name = name;
        millis.sort(null);
        this.p50 = percentile(millis, 0.50);
        this.p95 = percentile(millis, 0.95);
        this.p99 = percentile(millis, 0.99);
        this.max = millis.get(millis.size() - 1);
    }

    /** Runs {@code run} with run numbers 0, 1, 2 … ({@code runs} measured after the warm-up), each timed alone. */
    static Timings of(String name, int runs, IntConsumer run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.accept(runs + i);
        }
        List<Double> millis = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.accept(i);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return new Timings(name, millis);
    }

    /** Nearest rank. */
    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    String row(double targetMillis) {
        return String.format(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | %.1f | %s |",
                name,
                p50,
                p95,
                p99,
                max,
                p95 <= targetMillis ? "met" : "**missed**");
    }
}
