package org.supportdesk.adapter.persistence.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Latencies of one measured query shape, run repeatedly with varied parameters: warm-up first, then the samples, for at
 * most {@link #BUDGET} of samples. A run that fails (the pool's statement timeout cuts it, say) is counted, not timed.
 */
final class Timings {
    private static final int WARM_UP = 3;
    private static final Duration BUDGET = Duration.ofSeconds(60);

    final String name;
    final int runs;
    final int failures;
    final double p50;
    final double p95;
    final double p99;
    final double max;

    private Timings(String name, List<Double> millis, int failures) {
        this.name = name;
        this.runs = millis.size() + failures;
        this.failures = failures;
        millis.sort(null);
        this.p50 = percentile(millis, 0.50);
        this.p95 = percentile(millis, 0.95);
        this.p99 = percentile(millis, 0.99);
        this.max = millis.isEmpty() ? Double.NaN : millis.get(millis.size() - 1);
    }

    /** Runs {@code run} with run numbers 0, 1, 2 … ({@code runs} measured after the warm-up), each timed alone. */
    static Timings of(String name, int runs, IntConsumer run) {
        for (int i = 0; i < WARM_UP; i++) {
            attempt(run, runs + i);
        }
        List<Double> millis = new ArrayList<>(runs);
        int failures = 0;
        long end = System.nanoTime() + BUDGET.toNanos();
        for (int i = 0; i < runs && System.nanoTime() < end; i++) {
            long start = System.nanoTime();
            if (attempt(run, i)) {
                millis.add((System.nanoTime() - start) / 1e6);
            } else {
                failures++;
            }
        }
        return new Timings(name, millis, failures);
    }

    private static boolean attempt(IntConsumer run, int i) {
        try {
            run.accept(i);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Nearest rank. */
    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    String row(double targetMillis) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f | %s |",
                name,
                runs,
                p50,
                p95,
                p99,
                max,
                failures > 0 ? "**missed** (" + failures + " failed)" : p95 <= targetMillis ? "met" : "**missed**");
    }
}
