package org.supportdesk.adapter.persistence;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link LocalPostgres} up: every second it checks that the postmaster lives and, when it has died (killed,
 * crashed, out of memory), starts it again on the same port, so the pool's connections come back by themselves. A
 * start that fails is retried after a backoff doubling from 1 s up to 30 s, so a cluster that cannot start (a full
 * disk, a port taken meanwhile) is retried for as long as the server runs without spinning. Every step is logged.
 */
public final class ClusterWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatchdog.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final LocalPostgres cluster;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread watchdog = new Thread(runnable, "supportdesk-postgres-watchdog");
        watchdog.setDaemon(true);
        return watchdog;
    });
    // Touched by the watchdog thread only.
    private int failedStarts;
    private long nextStartNanos;

    private ClusterWatchdog(LocalPostgres cluster) {
        this.cluster = cluster;
    }

    /** Starts watching {@code cluster}; {@link #close()} stops watching, before the cluster itself is stopped. */
    public static ClusterWatchdog watch(LocalPostgres cluster) {
        ClusterWatchdog watchdog = new ClusterWatchdog(cluster);
        watchdog.thread.scheduleWithFixedDelay(
                watchdog::checkLogged, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Watching {}: it is restarted if it stops", cluster);
        return watchdog;
    }

    /** The wait after {@code failures} failed starts in a row: 1 s, 2 s, 4 s… up to 30 s. */
    static Duration backoff(int failures) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 5));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private void checkLogged() {
        try {
            check();
        } catch (RuntimeException e) {
            // The scheduler must not die of one bad check (an unreadable pid file): the next one tries again.
            LOG.error("Could not check {}", cluster, e);
        }
    }

    private void check() {
        if (cluster.running() || System.nanoTime() < nextStartNanos) {
            return;
        }
        LOG.error("{} has stopped (its postmaster is gone); starting it again", cluster);
        try {
            cluster.start();
            LOG.warn("{} is running again after {} failed start(s)", cluster, failedStarts);
            failedStarts = 0;
        } catch (RuntimeException e) {
            failedStarts++;
            Duration wait = backoff(failedStarts);
            nextStartNanos = System.nanoTime() + wait.toNanos();
            LOG.error("Could not start {} (attempt {}); trying again in {}", cluster, failedStarts, wait, e);
        }
    }

    /** Stops watching; a start under way is let finish (bounded), so the cluster can then be stopped cleanly. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.MINUTES)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
