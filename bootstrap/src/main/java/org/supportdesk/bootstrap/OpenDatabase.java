package org.supportdesk.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.adapter.persistence.ClusterWatchdog;
import org.supportdesk.adapter.persistence.Database;
import org.supportdesk.adapter.persistence.DatabaseConfig;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.adapter.persistence.PostgresAccount;
import org.supportdesk.adapter.persistence.PostgresBinaries;

/**
 * The database a command works on, migrated and checked: the configured one, or else a PostgreSQL cluster of our own
 * kept under the data directory (created on the first run, reused later), from the machine's PostgreSQL binaries or the
 * bundled ones. A cluster we started is watched and started again if it dies ({@link ClusterWatchdog}). Closing it
 * stops the watching, closes the pool and stops a cluster we started.
 */
record OpenDatabase(
        HikariDataSource pool, Jdbi jdbi, Optional<LocalPostgres> cluster, Optional<ClusterWatchdog> watchdog)
        implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenDatabase.class);
    private static final int LOCAL_POOL_SIZE = 10;

    static OpenDatabase open(Config config) {
        Optional<LocalPostgres> cluster =
                config.database().isPresent() ? Optional.empty() : Optional.of(startLocalCluster(config));
        DatabaseConfig database = config.database()
                .orElseGet(() -> new DatabaseConfig(
                        cluster.orElseThrow().jdbcUrl(),
                        cluster.orElseThrow().user(),
                        cluster.orElseThrow().password(),
                        LOCAL_POOL_SIZE));
        HikariDataSource pool = null;
        try {
            pool = Database.pool(database);
            Database.requireRowLevelSecurityBinds(pool);
            if (cluster.isEmpty() && !Database.requireDurable(pool).synchronousCommit()) {
                LOG.warn("The database runs with synchronous_commit = off: a crash can lose the last moments of"
                        + " acknowledged writes. Turn it on unless that loss is acceptable.");
            }
            Database.migrate(pool);
            LOG.info("Database {} as {} is migrated", database.jdbcUrl(), database.user());
            if (!Database.searchIndexesUsable(pool)) {
                LOG.warn("Search cannot use its indexes under row-level security: have a superuser mark the search"
                        + " functions LEAKPROOF (docs/operations.md, \"Provisioning a database\")");
            }
            return new OpenDatabase(pool, Database.jdbi(pool), cluster, cluster.map(ClusterWatchdog::watch));
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            cluster.ifPresent(LocalPostgres::close);
            throw e;
        }
    }

    private static LocalPostgres startLocalCluster(Config config) {
        PostgresAccount account = PostgresAccount.forThisProcess();
        Path cluster = ClusterLocation.forDataDir(config.dataDir(), account);
        PostgresBinaries binaries = PostgresBinaries.locate(
                config.postgresSearchPath().orElseGet(PostgresBinaries::systemSearchPath),
                ClusterLocation.bundledBinaries(cluster));
        return LocalPostgres.startKept(cluster, binaries, account);
    }

    @Override
    public void close() {
        watchdog.ifPresent(ClusterWatchdog::close);
        pool.close();
        cluster.ifPresent(LocalPostgres::close);
    }
}
