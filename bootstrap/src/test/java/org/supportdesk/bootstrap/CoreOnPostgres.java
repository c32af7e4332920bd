package org.supportdesk.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.supportdesk.adapter.persistence.Database;
import org.supportdesk.adapter.persistence.DatabaseConfig;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.adapter.persistence.LocalAttachmentStore;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.testing.FakePasswordHashing;
import org.supportdesk.application.testing.MutableClock;

/**
 * The whole core, every use case, over a throwaway PostgreSQL cluster and a clock the test moves, without the HTTP
 * server: for tests that drive use cases at instants they choose. Files go under {@code files}.
 */
final class CoreOnPostgres implements AutoCloseable {
    final LocalPostgres cluster;
    final HikariDataSource pool;
    final JdbiStores stores;
    final UseCases useCases;

    private CoreOnPostgres(LocalPostgres cluster, HikariDataSource pool, JdbiStores stores, UseCases useCases) {
        this.cluster = cluster;
        this.pool = pool;
        this.stores = stores;
        this.useCases = useCases;
    }

    /** {@code correlationId} marks every journal entry the core writes. */
    static CoreOnPostgres start(
            MutableClock clock, Path files, LocalPostgres.SynchronousCommit commits, String correlationId) {
        LocalPostgres cluster = LocalPostgres.startThrowaway(commits);
        HikariDataSource pool =
                Database.pool(new DatabaseConfig(cluster.jdbcUrl(), cluster.user(), cluster.password(), 6));
        Database.migrate(pool);
        JdbiStores stores = JdbiStores.over(Database.jdbi(pool), clock);
        UseCases useCases = UseCases.over(
                stores.ports(new FakePasswordHashing(), new SecureRandomSecrets(), LocalAttachmentStore.under(files)),
                new TimeOrderedIds(clock),
                () -> correlationId,
                clock);
        return new CoreOnPostgres(cluster, pool, stores, useCases);
    }

    @Override
    public void close() {
        pool.close();
        cluster.close();
    }
}
