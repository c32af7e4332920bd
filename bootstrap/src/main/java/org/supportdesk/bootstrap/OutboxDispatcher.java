package org.supportdesk.bootstrap;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.supportdesk.adapter.http.HttpServer;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.application.notify.DispatchOutbox;
import org.supportdesk.application.notify.PurgeDeliveries;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The outbox loop (§13, docs/adr/0012): {@code workers} threads each run a dispatcher round for every tenant every
 * poll interval, and once an hour the retention purge. Every instance of the server runs one; the rows they take are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so workers and instances share the work without a lock of their own and
 * without sending a delivery twice (but across a crash, docs/notifications.md). A failing round is logged and the next
 * one carries on.
 */
final class OutboxDispatcher implements AutoCloseable {
    static final int BATCH_SIZE = 20;
    private static final Duration PURGE_PERIOD = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final UseCases.Channels useCases;
    private final Supplier<List<TenantId>> tenants;
    private final NotifySettings settings;
    private final ThreadCorrelation correlation;
    private final ScheduledExecutorService scheduler;

    OutboxDispatcher(
            UseCases.Channels useCases,
            Supplier<List<TenantId>> tenants,
            NotifySettings settings,
            ThreadCorrelation correlation) {
        this.useCases = useCases;
        this.tenants = tenants;
        this.settings = settings;
        this.correlation = correlation;
        AtomicInteger count = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(settings.workers() + 1, runnable -> {
            Thread thread = new Thread(runnable, "supportdesk-outbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        long poll = settings.pollInterval().toMillis();
        for (int i = 0; i < settings.workers(); i++) {
            scheduler.scheduleWithFixedDelay(this::dispatchLogged, poll, poll, TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleWithFixedDelay(
                this::purgeLogged, PURGE_PERIOD.toMillis(), PURGE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("The outbox dispatcher runs {} worker(s) every {}", settings.workers(), settings.pollInterval());
    }

    /** One round for every tenant; answers how many attempts it made. */
    int dispatchOnce() {
        int attempted = 0;
        for (TenantId tenant : tenants.get()) {
            MDC.put(HttpServer.CORRELATION_LOG_KEY, correlation.begin(Optional.empty()));
            try {
                DispatchOutbox.Round round = useCases.dispatchOutbox()
                        .handle(new DispatchOutbox.Command(tenant, BATCH_SIZE, settings.policy()));
                attempted += round.attempted();
                if (round.parked() > 0) {
                    LOG.warn(
                            "Outbox: {} delivery(ies) of tenant {} parked after their last attempt",
                            round.parked(),
                            tenant);
                }
            } catch (RuntimeException e) {
                LOG.error("The outbox round failed for tenant {}", tenant, e);
            } finally {
                correlation.end();
                MDC.remove(HttpServer.CORRELATION_LOG_KEY);
            }
        }
        return attempted;
    }

    private void dispatchLogged() {
        try {
            dispatchOnce();
        } catch (RuntimeException e) {
            LOG.error("An outbox round failed", e);
        }
    }

    private void purgeLogged() {
        try {
            for (TenantId tenant : tenants.get()) {
                useCases.purgeDeliveries().handle(new PurgeDeliveries.Command(tenant, settings.retention(), 1_000));
            }
        } catch (RuntimeException e) {
            LOG.error("The outbox purge failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
