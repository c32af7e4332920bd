package org.supportdesk.adapter.persistence.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.supportdesk.adapter.persistence.LocalPostgres;

/**
 * The cost of the change feed's two designs (docs/adr/0017-change-feed.md), measured side by side on a throwaway
 * cluster: A, a counter row per tenant held from the append to the commit (V100, dense cursors 1, 2, 3 …), and B, a
 * global sequence plus the appending transaction's id, read only below the oldest running transaction
 * ({@code pg_snapshot_xmin}). Each writer transaction updates one of 100 ticket rows at random, appends one event and
 * commits; a reader polls every 10 ms and notes when it first sees each event. Not a test: run through the {@code
 * bench} profile (docs/performance.md, "Change feed and live events"). Settings: {@code -Dfeed.seconds} per case
 * (15), {@code -Dfeed.warmup} seconds (3), {@code -Dfeed.commits} ON (the production default) or OFF, {@code
 * -Dfeed.notify} true (each append also calls {@code pg_notify}, as {@code ChangeFeedAppendDao.appendAll} does) or false.
 */
public final class FeedDesignBench {
    private static final int TICKETS = 100;
    private static final long POLL_MILLIS = 10;
    private static final boolean NOTIFY = Boolean.parseBoolean(System.getProperty("feed.notify", "true"));

    private FeedDesignBench() {}

    /** One design: its schema, its append and its reader. */
    private interface Design {
        String name();

        void create(Statement sql) throws SQLException;

        /** Appends one event in the open transaction; answers the key by which the reader will see it. */
        long append(Connection connection, UUID tenant, int ticket, long version) throws SQLException;

        /** The keys of the events committed after {@code position[0..1]}, in feed order; moves the position. */
        List<Long> read(Connection connection, UUID tenant, long[] position) throws SQLException;
    }

    /** A: the counter row, as V100. */
    private static final class CounterRow implements Design {
        @Override
        public String name() {
            return "A counter row";
        }

        @Override
        public void create(Statement sql) throws SQLException {
            sql.execute("CREATE SCHEMA a");
            sql.execute("CREATE TABLE a.tickets (tenant_id uuid NOT NULL, id int NOT NULL, version bigint NOT NULL,"
                    + " subject text NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (tenant_id, id))");
            sql.execute("CREATE TABLE a.change_counters (tenant_id uuid NOT NULL PRIMARY KEY,"
                    + " newest bigint NOT NULL CHECK (newest > 0))");
            sql.execute("CREATE TABLE a.change_events (tenant_id uuid NOT NULL, cursor bigint NOT NULL, type text NOT"
                    + " NULL, ticket_id uuid, version bigint, at timestamptz NOT NULL, data json NOT NULL,"
                    + " customer_data json, customer_id uuid, PRIMARY KEY (tenant_id, cursor))");
            sql.execute("CREATE INDEX ON a.change_events (tenant_id, at)");
        }

        @Override
        public long append(Connection connection, UUID tenant, int ticket, long version) throws SQLException {
            long cursor;
            try (PreparedStatement next = connection.prepareStatement("INSERT INTO a.change_counters AS c (tenant_id,"
                    + " newest) VALUES (?, 1) ON CONFLICT (tenant_id) DO UPDATE SET newest = c.newest + 1"
                    + " RETURNING newest")) {
                next.setObject(1, tenant);
                try (ResultSet row = next.executeQuery()) {
                    row.next();
                    cursor = row.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO a.change_events (tenant_id,"
                    + " cursor, type, ticket_id, version, at, data) VALUES (?, ?, 'ticket_updated', ?, ?, now(),"
                    + " ?::json)")) {
                insert.setObject(1, tenant);
                insert.setLong(2, cursor);
                insert.setObject(3, new UUID(0, ticket));
                insert.setLong(4, version);
                insert.setString(5, payload(ticket, version));
                insert.executeUpdate();
            }
            wake(connection, tenant, cursor);
            return cursor;
        }

        @Override
        public List<Long> read(Connection connection, UUID tenant, long[] position) throws SQLException {
            List<Long> seen = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement("SELECT cursor FROM a.change_events"
                    + " WHERE tenant_id = ? AND cursor > ? ORDER BY cursor LIMIT 1000")) {
                read.setObject(1, tenant);
                read.setLong(2, position[0]);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        long cursor = rows.getLong(1);
                        if (cursor != position[0] + 1) {
                            throw new IllegalStateException("a hole in A's feed after " + position[0]);
                        }
                        seen.add(cursor);
                        position[0] = cursor;
                    }
                }
            }
            return seen;
        }
    }

    /** B: a global sequence and the transaction's id, read below {@code pg_snapshot_xmin}, ordered by (xid, id). */
    private static final class GlobalSequence implements Design {
        @Override
        public String name() {
            return "B sequence + xmin";
        }

        @Override
        public void create(Statement sql) throws SQLException {
            sql.execute("CREATE SCHEMA b");
            sql.execute("CREATE TABLE b.tickets (tenant_id uuid NOT NULL, id int NOT NULL, version bigint NOT NULL,"
                    + " subject text NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (tenant_id, id))");
            sql.execute("CREATE TABLE b.change_events (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL,"
                    + " xid xid8 NOT NULL DEFAULT pg_current_xact_id(), type text NOT NULL, ticket_id uuid,"
                    + " version bigint, at timestamptz NOT NULL, data json NOT NULL, customer_data json,"
                    + " customer_id uuid)");
            sql.execute("CREATE INDEX ON b.change_events (tenant_id, xid, id)");
            sql.execute("CREATE INDEX ON b.change_events (tenant_id, at)");
        }

        @Override
        public long append(Connection connection, UUID tenant, int ticket, long version) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO b.change_events (tenant_id,"
                    + " type, ticket_id, version, at, data) VALUES (?, 'ticket_updated', ?, ?, now(), ?::json)"
                    + " RETURNING id")) {
                insert.setObject(1, tenant);
                insert.setObject(2, new UUID(0, ticket));
                insert.setLong(3, version);
                insert.setString(4, payload(ticket, version));
                long id;
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
                wake(connection, tenant, id);
                return id;
            }
        }

        @Override
        public List<Long> read(Connection connection, UUID tenant, long[] position) throws SQLException {
            List<Long> seen = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement("SELECT id, xid::text::bigint FROM"
                    + " b.change_events WHERE tenant_id = ? AND (xid, id) > (?::text::xid8, ?)"
                    + " AND xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid, id LIMIT 1000")) {
                read.setObject(1, tenant);
                read.setString(2, Long.toString(position[1]));
                read.setLong(3, position[0]);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        position[0] = rows.getLong(1);
                        position[1] = rows.getLong(2);
                        seen.add(position[0]);
                    }
                }
            }
            return seen;
        }
    }

    /** One case's figures. */
    private record Result(
            String design,
            String workload,
            long commits,
            double seconds,
            List<Long> latencies,
            List<Long> lags,
            long unseen) {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("feed.seconds", 15);
        int warmup = Integer.getInteger("feed.warmup", 3);
        LocalPostgres.SynchronousCommit commits =
                LocalPostgres.SynchronousCommit.valueOf(System.getProperty("feed.commits", "ON"));
        List<Result> results = new ArrayList<>();
        try (LocalPostgres cluster = LocalPostgres.startThrowaway(commits)) {
            List<Design> designs = List.of(new CounterRow(), new GlobalSequence());
            try (Connection owner = connect(cluster);
                    Statement sql = owner.createStatement()) {
                for (Design design : designs) {
                    design.create(sql);
                }
                owner.commit();
            }
            String version;
            try (Connection owner = connect(cluster);
                    Statement sql = owner.createStatement();
                    ResultSet row = sql.executeQuery("SHOW server_version")) {
                row.next();
                version = row.getString(1);
            }
            System.out.printf(
                    "PostgreSQL %s, synchronous_commit %s, pg_notify per append %s, %d s per case after %d s warm-up,"
                            + " %d cores, load %s%n",
                    version,
                    commits,
                    NOTIFY,
                    seconds,
                    warmup,
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            // Workload by workload, A then B, so a change in the machine's load falls on both designs alike.
            for (Design design : designs) {
                results.add(run(cluster, design, "1 writer, 1 tenant", 1, 1, false, warmup, seconds));
            }
            for (Design design : designs) {
                results.add(run(cluster, design, "8 writers, 1 tenant", 8, 1, false, warmup, seconds));
            }
            for (Design design : designs) {
                results.add(run(cluster, design, "8 writers, 8 tenants", 8, 8, false, warmup, seconds));
            }
            for (Design design : designs) {
                results.add(
                        run(cluster, design, "1 writer + a 1 s transaction elsewhere", 1, 1, true, warmup, seconds));
            }
        }
        System.out.println();
        System.out.println("| design | workload | commits/s | commit p50 | commit p99 | reader lag p50 | reader lag p99"
                + " | reader lag max |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result result : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %,.0f | %s | %s | %s | %s | %s |%n",
                    result.design(),
                    result.workload(),
                    result.commits() / result.seconds(),
                    millis(percentile(result.latencies(), 0.50)),
                    millis(percentile(result.latencies(), 0.99)),
                    millis(percentile(result.lags(), 0.50)),
                    millis(percentile(result.lags(), 0.99)),
                    millis(percentile(result.lags(), 1.0)));
            if (result.unseen() > 0) {
                System.out.printf(
                        "  (%s / %s: %d events not seen by the reader)%n",
                        result.design(), result.workload(), result.unseen());
            }
        }
        System.out.printf("load after: %s%n", loadAverage());
    }

    private static Result run(
            LocalPostgres cluster,
            Design design,
            String workload,
            int writers,
            int tenants,
            boolean longTransaction,
            int warmup,
            int seconds)
            throws Exception {
        List<UUID> tenantIds = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            tenantIds.add(UUID.randomUUID());
        }
        String prefix = design instanceof CounterRow ? "a" : "b";
        try (Connection owner = connect(cluster);
                PreparedStatement insert = owner.prepareStatement("INSERT INTO " + prefix
                        + ".tickets (tenant_id, id, version, subject, updated_at) VALUES (?, ?, 1, 'Ticket', now())")) {
            for (UUID tenant : tenantIds) {
                for (int id = 0; id < TICKETS; id++) {
                    insert.setObject(1, tenant);
                    insert.setInt(2, id);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            owner.commit();
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean();
        // key: tenant index << 40 | event key
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        Map<Long, Long> seenAt = new ConcurrentHashMap<>();
        List<List<Long>> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        for (int w = 0; w < writers; w++) {
            int tenantIndex = w % tenants;
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            threads.add(new Thread(
                    () -> {
                        try (Connection connection = connect(cluster);
                                PreparedStatement update =
                                        connection.prepareStatement("UPDATE " + prefix + ".tickets SET"
                                                + " version = version + 1, subject = ?, updated_at = now()"
                                                + " WHERE tenant_id = ? AND id = ? RETURNING version")) {
                            UUID tenant = tenantIds.get(tenantIndex);
                            while (!stop.get()) {
                                int ticket = ThreadLocalRandom.current().nextInt(TICKETS);
                                long start = System.nanoTime();
                                update.setString(1, "Ticket " + start);
                                update.setObject(2, tenant);
                                update.setInt(3, ticket);
                                long version;
                                try (ResultSet row = update.executeQuery()) {
                                    row.next();
                                    version = row.getLong(1);
                                }
                                long key = design.append(connection, tenant, ticket, version);
                                connection.commit();
                                long done = System.nanoTime();
                                committedAt.put(((long) tenantIndex << 40) | key, done);
                                if (measuring.get()) {
                                    mine.add(done - start);
                                }
                            }
                        } catch (SQLException e) {
                            failure[0] = new IllegalStateException(e);
                        }
                    },
                    "writer-" + w));
        }
        Thread reader = new Thread(
                () -> {
                    try (Connection connection = connect(cluster)) {
                        connection.setAutoCommit(true);
                        long[][] positions = new long[tenants][2];
                        while (!stop.get()) {
                            for (int t = 0; t < tenants; t++) {
                                for (long key : design.read(connection, tenantIds.get(t), positions[t])) {
                                    seenAt.put(((long) t << 40) | key, System.nanoTime());
                                }
                            }
                            Thread.sleep(POLL_MILLIS);
                        }
                    } catch (SQLException e) {
                        failure[0] = new IllegalStateException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "reader");
        threads.add(reader);
        if (longTransaction) {
            threads.add(new Thread(
                    () -> {
                        try (Connection connection = connect(cluster);
                                Statement sql = connection.createStatement()) {
                            while (!stop.get()) {
                                sql.execute("SELECT pg_current_xact_id()");
                                Thread.sleep(1_000);
                                connection.commit();
                            }
                        } catch (SQLException e) {
                            failure[0] = new IllegalStateException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "long-transaction"));
        }
        threads.forEach(Thread::start);
        Thread.sleep(warmup * 1_000L);
        committedAt.clear();
        measuring.set(true);
        long from = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        measuring.set(false);
        long to = System.nanoTime();
        Map<Long, Long> measured = Map.copyOf(committedAt);
        Thread.sleep(2_500);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        List<Long> lags = new ArrayList<>();
        long unseen = 0;
        for (Map.Entry<Long, Long> commit : measured.entrySet()) {
            if (commit.getValue() > to) {
                continue;
            }
            Long seen = seenAt.get(commit.getKey());
            if (seen == null) {
                unseen++;
            } else {
                lags.add(Math.max(0, seen - commit.getValue()));
            }
        }
        Result result = new Result(design.name(), workload, all.size(), (to - from) / 1e9, all, lags, unseen);
        System.out.printf(
                Locale.ROOT,
                "%s / %s: %,d commits, %,.0f/s, p50 %s, p99 %s, lag p50 %s, p99 %s%n",
                result.design(),
                result.workload(),
                result.commits(),
                result.commits() / result.seconds(),
                millis(percentile(all, 0.5)),
                millis(percentile(all, 0.99)),
                millis(percentile(lags, 0.5)),
                millis(percentile(lags, 0.99)));
        return result;
    }

    /** The wake-up ChangeFeedAppendDao.appendAll sends, delivered at commit; off with {@code -Dfeed.notify=false}. */
    private static void wake(Connection connection, UUID tenant, long key) throws SQLException {
        if (!NOTIFY) {
            return;
        }
        try (PreparedStatement wake = connection.prepareStatement("SELECT pg_notify('bench_changes', ?)")) {
            wake.setString(1, tenant + ":" + key);
            wake.executeQuery().close();
        }
    }

    private static String payload(int ticket, long version) {
        return "{\"ticket\":" + ticket + ",\"version\":" + version + ",\"status\":\"open\",\"priority\":\"medium\"}";
    }

    private static Connection connect(LocalPostgres cluster) throws SQLException {
        Connection connection = DriverManager.getConnection(cluster.jdbcUrl(), cluster.user(), cluster.password());
        connection.setAutoCommit(false);
        return connection;
    }

    private static long percentile(List<Long> samples, double p) {
        if (samples.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String millis(long nanos) {
        return nanos < 0 ? "–" : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }
}
