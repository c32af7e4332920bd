package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * New connections wait for a database that was reached before and is restarting, so the pool never backs off into
 * sleep during an outage; a database never reached fails at once.
 */
@Timeout(120)
class PatientDataSourceTest {

    @Test
    void an_attempt_made_while_the_database_restarts_waits_and_connects_once_it_is_back() throws Exception {
        try (LocalPostgres cluster = LocalPostgres.startThrowaway()) {
            CountingDriver driver = new CountingDriver(cluster.jdbcUrl());
            driver.setUser(cluster.user());
            driver.setPassword(cluster.password());
            PatientDataSource source = new PatientDataSource(driver);
            source.getConnection().close();
            cluster.stop(LocalPostgres.Shutdown.IMMEDIATE);

            CompletableFuture<Connection> attempt = CompletableFuture.supplyAsync(() -> {
                try {
                    return source.getConnection();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(attempt).as("still waiting while the database is down").isNotDone();
            cluster.start();

            try (Connection connection = attempt.get(30, TimeUnit.SECONDS)) {
                assertThat(connection.isValid(1)).isTrue();
            }
            assertThat(driver.attempts).as("refused attempts were tried again").hasValueGreaterThan(2);
        }
    }

    @Test
    void a_database_never_reached_fails_at_once() {
        CountingDriver nowhere = new CountingDriver("jdbc:postgresql://127.0.0.1:1/none");
        PatientDataSource source = new PatientDataSource(nowhere);

        assertThatThrownBy(source::getConnection)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("127.0.0.1:1");
        assertThat(nowhere.attempts).hasValue(1);
    }

    /** pgjdbc's data source, counting the connection attempts made through it. */
    private static final class CountingDriver extends PGSimpleDataSource {
        final AtomicInteger attempts = new AtomicInteger();

        CountingDriver(String url) {
            setURL(url);
        }

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            return super.getConnection();
        }
    }
}
