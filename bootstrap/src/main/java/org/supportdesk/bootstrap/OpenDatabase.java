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
import org.supportdesk.adapter.persistence.SchemaOwner;

/**
 * The database a command works on, migrated and checked: the configured one, or else a PostgreSQL cluster of our own
 * kept under the data directory (created on the first run, reused later), from the machine's PostgreSQL binaries or the
 * bundled ones. A cluster we started is watched and started again if it dies ({@link ClusterWatchdog}). Closing it
 * stops the watching, closes the pools and stops a cluster we started.
 *
 * @param pool where requests and jobs run their transactions: through the pooler when there is one
 * @param direct straight to the database, for what holds a session beyond one transaction (the background jobs' lock;
 *     the change listener connects alongside it); the same pool as {@code pool} when there is no pooler
 */
record OpenDatabase(
        HikariDataSource pool,
        HikariDataSource direct,
        Jdbi jdbi,
        Optional<LocalPostgres> cluster,
        Optional<ClusterWatchdog> watchdog)
        implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenDatabase.class);
    private static final int LOCAL_POOL_SIZE = 10;
    /** The two background lock holders (the jobs and the IMAP poller); Flyway, for its lock and its work. */
    private static final int DIRECT_POOL_SIZE = 2;

    static OpenDatabase open(Config config) {
        Optional<LocalPostgres> cluster =
                config.database().isPresent() ? Optional.empty() : Optional.of(startLocalCluster(config));
        DatabaseConfig database = config.database()
                .orElseGet(() -> new DatabaseConfig(
                        cluster.orElseThrow().jdbcUrl(),
                        cluster.orElseThrow().runtimeUser(),
                        cluster.orElseThrow().runtimePassword(),
                        LOCAL_POOL_SIZE));
        Optional<SchemaOwner> owner = cluster.map(local -> new SchemaOwner(local.user(), local.password()))
                .or(config::schemaOwner);
        HikariDataSource pool = null;
        HikariDataSource direct = null;
        try {
            pool = Database.pool(database);
            direct = database.throughPooler() ? Database.pool(database.direct(DIRECT_POOL_SIZE)) : pool;
            Database.requireRowLevelSecurityBinds(pool);
            if (cluster.isEmpty() && !Database.requireDurable(pool).synchronousCommit()) {
                LOG.warn("The database runs with synchronous_commit = off: a crash can lose the last moments of"
                        + " acknowledged writes. Turn it on unless that loss is acceptable.");
            }
            migrate(database.direct(DIRECT_POOL_SIZE), owner, direct);
            if (database.throughPooler() && !Database.timeoutsSet(pool)) {
                LOG.warn(
                        "Behind the pooler the serving role {} has no statement_timeout or no"
                                + " idle_in_transaction_session_timeout of its own: a stuck statement or transaction"
                                + " would hold a server connection. Set them on the role (docs/operations.md, \"Behind"
                                + " PgBouncer\").",
                        database.user());
            }
            if (!Database.searchIndexesUsable(pool)) {
                LOG.warn("Search cannot use its indexes under row-level security: have a superuser mark the search"
                        + " functions LEAKPROOF (docs/operations.md, \"Provisioning a database\")");
            }
            return new OpenDatabase(pool, direct, Database.jdbi(pool), cluster, cluster.map(ClusterWatchdog::watch));
        } catch (RuntimeException e) {
            if (direct != null) {
                direct.close();
            }
            if (pool != null) {
                pool.close();
            }
            cluster.ifPresent(LocalPostgres::close);
            throw e;
        }
    }

    /**
     * Migrates straight on the database, never through a pooler (Flyway locks with a session advisory lock): as the
     * schema's owner, granting the serving role its row rights, then refuses a serving role that owns the schema; with
     * no owner named, the serving role migrates itself over {@code pool}, and the log says what that gives up.
     */
    private static void migrate(DatabaseConfig database, Optional<SchemaOwner> owner, HikariDataSource pool) {
        if (owner.isEmpty()) {
            Database.migrate(pool);
            LOG.warn(
                    "Database {} is migrated and served as one role, {}, which owns the schema: it could turn row-level"
                            + " security or the journal's triggers off. Name a schema owner to migrate as"
                            + " (SUPPORTDESK_DB_OWNER_USER) and serve as a role with row rights only (docs/operations.md).",
                    database.jdbcUrl(),
                    database.user());
            return;
        }
        // Two connections: Flyway holds one for its lock while it migrates on the other.
        try (HikariDataSource ownerPool = Database.pool(new DatabaseConfig(
                database.jdbcUrl(), owner.get().user(), owner.get().password(), 2, database.socketTimeout()))) {
            Database.migrate(ownerPool);
            Database.grantRuntimeAccess(ownerPool, database.user());
        }
        Database.requireNotSchemaOwner(pool);
        LOG.info(
                "Database {} is migrated as {} and served as {}",
                database.jdbcUrl(),
                owner.get().user(),
                database.user());
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
        if (direct != pool) {
            direct.close();
        }
        pool.close();
        cluster.ifPresent(LocalPostgres::close);
    }
}
