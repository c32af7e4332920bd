package org.supportdesk.adapter.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the pool gets new connections from. Once the database has been reached, an attempt it refuses because it
 * cannot serve just now (restarting, shutting down, unreachable) is tried again every 100 ms for up to 10 s instead of
 * failing at once. Why: HikariCP sleeps after every failed attempt, doubling from 10 ms up to 5 s, so an outage of a
 * few seconds made of instant failures would leave the pool asleep for up to 5 s after the database is back; an
 * attempt that waits instead connects within 100 ms of its return. Requests are not held up by this: they still wait
 * at most the pool's connection timeout. Before the first success an attempt fails at once, so a wrong address at
 * start-up is reported straight away; a refusal that waiting cannot cure (a wrong password) always fails at once.
 *
 * <p>The login timeout stays the driver's own: HikariCP sets it to its connection timeout, the 2 s a request waits,
 * but connections are made in the background, and a database that is busy or has just recovered may take longer to
 * let one in; cut at 2 s, a start-up under load fails and a recovering pool may never connect.
 */
final class PatientDataSource implements DataSource {
    private static final Duration RETRY_EVERY = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final DataSource driver;
    private volatile boolean reached;

    PatientDataSource(DataSource driver) {
        this.driver = driver;
    }

    /** A connection attempt, as the driver makes it. */
    private interface Attempt {
        Connection connect() throws SQLException;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return patiently(driver::getConnection);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return patiently(() -> driver.getConnection(user, password));
    }

    private Connection patiently(Attempt attempt) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                Connection connection = attempt.connect();
                reached = true;
                return connection;
            } catch (SQLException refused) {
                if (!reached || !StoreFailures.cannotServe(refused) || System.nanoTime() > deadline) {
                    throw refused;
                }
                pause(refused);
            }
        }
    }

    private static void pause(SQLException refused) throws SQLException {
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the pool is closing
            throw refused;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // kept as the driver has it: see above
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }
}
