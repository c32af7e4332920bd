package org.supportdesk.bootstrap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.supportdesk.adapter.http.HttpServer;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.attachment.PurgeUnlinkedUploads;
import org.supportdesk.application.feed.PurgeOldChanges;
import org.supportdesk.application.idempotency.ForgetExpiredKeys;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.application.inbound.PollMailbox;
import org.supportdesk.application.notify.PurgeOldNotifications;
import org.supportdesk.application.privacy.EraseExpiredTickets;
import org.supportdesk.application.sla.ScanSlaBreaches;
import org.supportdesk.application.ticket.AutoCloseResolved;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The periodic jobs (auto-close, the SLA breach scan): every period, for each tenant, each job in turn. A round holds a
 * PostgreSQL advisory lock on a connection of its own, so with several server instances only one runs at a time; the
 * others skip that round. A job failing for one tenant is logged and does not stop the others.
 *
 * <p>The lock is transaction-level ({@code pg_try_advisory_xact_lock}), taken in a transaction the round keeps open
 * and rolls back at its end, and the round proves the transaction still alive before each job for each tenant. Why
 * not a session lock: it lives as long as the session, which can end under us (a database restart, a terminated
 * backend) while the round goes on believing it holds the lock, and an unlock that fails returns the connection to the
 * pool still holding it, so every later round would skip. A transaction's lock cannot outlive or be released apart
 * from its transaction, and a statement on a dead or aborted one fails: so a round stops before its next step once the
 * lock is gone, the connection never goes back to the pool holding it, and after a restart the next round (of any
 * instance) takes it afresh. A step already under way when the database restarts can still overlap a round another
 * instance then starts; each ticket change is its own version-checked transaction, so that cannot corrupt anything.
 * The lock's transaction sits idle while jobs run on other connections, so a single step longer than the pool's
 * {@code idle_in_transaction_session_timeout} (60 s) ends the round early, and the next one carries on.
 */
final class BackgroundWork implements AutoCloseable {
    /** The advisory lock key: "supportdesk background" folded into 64 bits, shared by every instance. */
    static final long LOCK_KEY = 0x5375_7070_6f72_7462L;

    /** The IMAP poller's own lock key ("supportdesk imap"): it runs on its own period, beside the other jobs. */
    static final long MAIL_LOCK_KEY = 0x5375_7070_696d_6170L;

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    /** How many tickets a job takes per batch; a job that fills a batch runs again, up to {@link #MAX_BATCHES}. */
    static final int BATCH_SIZE = 200;

    static final int MAX_BATCHES = 10;

    /** One job, run for one tenant; it makes its own tenant-scoped transactions. */
    record Job(String name, Consumer<TenantId> work) {}

    /**
     * Auto-close of resolved tickets, the SLA breach scan, the purge of uploads nobody linked in a day, of
     * idempotency keys past their day, of old in-app notifications and of change-feed events older than {@code
     * changeRetention}, and the tenant's retention rule (erasure of tickets closed long enough).
     */
    static List<Job> standardJobs(UseCases.Scheduled useCases, Duration changeRetention) {
        List<Job> jobs = new ArrayList<>();
        jobs.add(new Job(
                "auto-close",
                tenant -> drain(
                        () -> useCases.autoCloseResolved().handle(new AutoCloseResolved.Command(tenant, BATCH_SIZE)))));
        // The scan works through all its candidates itself, a batch at a time.
        jobs.add(new Job("sla-breach-scan", tenant -> useCases.scanSlaBreaches()
                .handle(new ScanSlaBreaches.Command(tenant, BATCH_SIZE))));
        jobs.add(new Job(
                "unlinked-upload-purge",
                tenant -> drain(() ->
                        useCases.purgeUnlinkedUploads().handle(new PurgeUnlinkedUploads.Command(tenant, BATCH_SIZE)))));
        jobs.add(new Job(
                "forget-expired-idempotency-keys",
                tenant -> drain(
                        () -> useCases.forgetExpiredKeys().handle(new ForgetExpiredKeys.Command(tenant, BATCH_SIZE)))));
        jobs.add(new Job(
                "old-notification-purge",
                tenant -> drain(() -> useCases.purgeOldNotifications()
                        .handle(new PurgeOldNotifications.Command(tenant, BATCH_SIZE)))));
        jobs.add(new Job("old-change-purge", tenant -> useCases.purgeOldChanges()
                .handle(new PurgeOldChanges.Command(tenant, changeRetention))));
        jobs.add(new Job(
                "closed-ticket-erasure",
                tenant -> drain(() ->
                        useCases.eraseExpiredTickets().handle(new EraseExpiredTickets.Command(tenant, BATCH_SIZE)))));
        return jobs;
    }

    /** The IMAP poller: every tenant's mailbox read for unseen mail, on its own period and lock. */
    static List<Job> mailJobs(UseCases.EmailIn useCases) {
        return List.of(new Job("imap-poll", tenant -> useCases.pollMailbox().handle(new PollMailbox.Command(tenant))));
    }

    private static void drain(IntSupplier batch) {
        int batches = 1;
        while (batch.getAsInt() == BATCH_SIZE && batches < MAX_BATCHES) {
            batches++;
        }
    }

    private final DataSource dataSource;
    private final Supplier<List<TenantId>> tenants;
    private final List<Job> jobs;
    private final ThreadCorrelation correlation;
    private final long lockKey;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "supportdesk-background");
        thread.setDaemon(true);
        return thread;
    });

    BackgroundWork(
            DataSource dataSource, Supplier<List<TenantId>> tenants, List<Job> jobs, ThreadCorrelation correlation) {
        this(dataSource, tenants, jobs, correlation, LOCK_KEY);
    }

    /** Jobs that take turns across instances under {@code lockKey} instead of the standard jobs' lock. */
    BackgroundWork(
            DataSource dataSource,
            Supplier<List<TenantId>> tenants,
            List<Job> jobs,
            ThreadCorrelation correlation,
            long lockKey) {
        this.dataSource = dataSource;
        this.tenants = tenants;
        this.jobs = List.copyOf(jobs);
        this.correlation = correlation;
        this.lockKey = lockKey;
    }

    /** Runs every {@code period}, the first time after {@code initialDelay}. */
    void start(Duration initialDelay, Duration period) {
        scheduler.scheduleWithFixedDelay(
                this::runLogged, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Background jobs {} run every {}", jobs.stream().map(Job::name).toList(), period);
    }

    /**
     * One round: every job for every tenant, under the advisory lock. Answers false, doing nothing, when another
     * instance holds the lock.
     */
    boolean runOnce() {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try {
                if (!tryLock(lock, lockKey)) {
                    LOG.debug("Another instance runs the background jobs; skipping this round");
                    return false;
                }
                for (TenantId tenant : tenants.get()) {
                    for (Job job : jobs) {
                        requireStillLocked(lock);
                        runFor(job, tenant);
                    }
                }
                return true;
            } finally {
                lock.rollback(); // ends the transaction, and the lock with it
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the background lock could not be taken or was lost; the round stops", e);
        }
    }

    private void runLogged() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // A failed round is retried next period; the scheduler must not die of it.
            LOG.error("A background round failed", e);
        }
    }

    private void runFor(Job job, TenantId tenant) {
        MDC.put(HttpServer.CORRELATION_LOG_KEY, correlation.begin(Optional.empty()));
        try {
            job.work().accept(tenant);
        } catch (RuntimeException e) {
            LOG.error("Background job {} failed for tenant {}", job.name(), tenant, e);
        } finally {
            correlation.end();
            MDC.remove(HttpServer.CORRELATION_LOG_KEY);
        }
    }

    private static boolean tryLock(Connection lock, long key) throws SQLException {
        try (PreparedStatement statement = lock.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Fails unless the lock's transaction is alive, and with it the lock: a lost session or an aborted one fails. */
    private static void requireStillLocked(Connection lock) throws SQLException {
        try (Statement statement = lock.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    /** Stops scheduling and waits (bounded) for a round in progress. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("A background round did not finish within 30 s; interrupting it");
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
