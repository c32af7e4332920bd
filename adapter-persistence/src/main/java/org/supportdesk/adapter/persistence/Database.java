package org.supportdesk.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.supportdesk.domain.port.CorrelationIds;

/** The pool, the migrations and the JDBI instance over them. */
public final class Database {
    private Database() {}

    /**
     * How long a request waits for a connection before it is answered "unavailable": a database that is down must cost
     * each request seconds, not the pool's default half-minute, and must not pile up every server thread.
     */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(2);
    /** A transaction left open by a stuck client or a killed thread gives its locks back after this. */
    static final Duration IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofSeconds(60);

    /** A connection pool for {@code config}; the caller closes it. */
    public static HikariDataSource pool(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        // The pool reaches the driver through PatientDataSource; it keeps the URL for its getters and passes the
        // credentials on with every attempt.
        hikari.setDataSource(new PatientDataSource(driver(config)));
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        hikari.setPoolName("supportdesk");
        hikari.setAutoCommit(true);
        hikari.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        hikari.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        hikari.setKeepaliveTime(Duration.ofSeconds(30).toMillis());
        if (!config.throughPooler()) {
            // The longest a statement may run: far beyond any query the API makes, so only a stuck one hits it. Behind
            // a pooler a session setting would land on whichever server connection ran it: there the serving role
            // carries these settings itself (docs/operations.md, "Behind PgBouncer").
            hikari.setConnectionInitSql("SET statement_timeout = '"
                    + config.statementTimeout().toMillis() + "ms'; " + "SET idle_in_transaction_session_timeout = '"
                    + IDLE_IN_TRANSACTION_TIMEOUT.toMillis() + "ms'");
        }
        return new HikariDataSource(hikari);
    }

    private static PGSimpleDataSource driver(DatabaseConfig config) {
        PGSimpleDataSource driver = new PGSimpleDataSource();
        driver.setURL(config.jdbcUrl());
        // Seconds, as pgjdbc takes them. The server's error detail can quote row values: keep it out of exceptions.
        driver.setConnectTimeout(5);
        driver.setLoginTimeout(10);
        // A silent network (a partition) fails a read after this rather than never.
        driver.setSocketTimeout((int) config.socketTimeout().toSeconds());
        driver.setTcpKeepAlive(true);
        driver.setLogServerErrorDetail(false);
        if (config.throughPooler()) {
            // A transaction-mode pooler hands each transaction whichever server connection is free, where a statement
            // the driver prepared by name on another one does not exist: send every statement unnamed.
            driver.setPrepareThreshold(0);
        }
        return driver;
    }

    /**
     * Applies the migrations under {@code db/migration}, and the Java ones among them, to the connection's current
     * schema.
     */
    public static void migrate(DataSource dataSource) {
        flyway(dataSource).migrate();
    }

    /** Checks that the applied migrations are the ones this build ships. */
    public static void validate(DataSource dataSource) {
        flyway(dataSource).validate();
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new ChainEarlierJournalEntries())
                .failOnMissingLocations(true)
                .load();
    }

    /** JDBI over {@code dataSource}, whose exceptions never quote bound values (passwords, hashes, bodies, tokens). */
    public static Jdbi jdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return jdbi;
    }

    /**
     * {@code dataSource}, telling {@code listener} of every statement sent through it with the correlation id in force
     * on the sending thread; for tests and diagnosis, never the production default.
     */
    public static DataSource observed(DataSource dataSource, CorrelationIds correlation, StatementListener listener) {
        return ObservedDataSource.over(dataSource, correlation, listener);
    }

    /** The functions behind full-text ({@code @@}) and {@code ILIKE} search, which must be LEAKPROOF for indexed search. */
    static final List<String> SEARCH_FUNCTIONS =
            List.of("pg_catalog.ts_match_vq(tsvector, tsquery)", "pg_catalog.texticlike(text, text)");

    /**
     * Whether search can use its GIN indexes: under forced row-level security PostgreSQL applies a condition inside an
     * index only when its function is LEAKPROOF, which only a superuser can declare (docs/persistence.md). Without it
     * search is still right, only slower.
     */
    public static boolean searchIndexesUsable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet leakproof = sql.executeQuery(
                        """
                        SELECT bool_and(proleakproof) FROM pg_proc
                         WHERE oid IN ('pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure,
                                       'pg_catalog.texticlike(text, text)'::regprocedure)""")) {
            leakproof.next();
            return leakproof.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the search functions", e);
        }
    }

    /** What start-up learnt of a database's durability settings. */
    public record Durability(boolean fsync, boolean synchronousCommit) {}

    /**
     * Refuses a database that would lose acknowledged writes in a crash ({@code fsync = off}: a commit the API answered
     * may vanish with the data files beside it); answers the settings so the caller can warn about
     * {@code synchronous_commit = off}, which loses only the last moments of commits, not consistency.
     *
     * @throws IllegalStateException naming the setting and what to do
     */
    public static Durability requireDurable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet settings =
                        sql.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
            settings.next();
            Durability durability =
                    new Durability(!"off".equals(settings.getString(1)), !"off".equals(settings.getString(2)));
            if (!durability.fsync()) {
                throw new IllegalStateException("The database runs with fsync = off, so a crash can lose tickets the"
                        + " API already acknowledged. Turn fsync on (it is the default) before serving from it.");
            }
            return durability;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's durability settings", e);
        }
    }

    /**
     * Refuses a database role that row-level security does not bind: a superuser or a role with {@code BYPASSRLS}
     * would see every tenant's rows whatever the repositories ask.
     *
     * @throws IllegalStateException naming the role and what to do
     */
    public static void requireRowLevelSecurityBinds(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet role = sql.executeQuery(
                        "SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            role.next();
            if (role.getBoolean("rolsuper") || role.getBoolean("rolbypassrls")) {
                throw new IllegalStateException("The database role '" + role.getString(1)
                        + "' is a superuser or has BYPASSRLS, so row-level security would not keep tenants apart."
                        + " Connect as an ordinary role (NOSUPERUSER NOBYPASSRLS).");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database role", e);
        }
    }

    /**
     * Whether the role's sessions come with a {@code statement_timeout} and an {@code idle_in_transaction_session_timeout}
     * of their own: behind a pooler the pool cannot set them per session ({@link #pool}), so the role must carry them.
     */
    public static boolean timeoutsSet(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet set = sql.executeQuery("SELECT current_setting('statement_timeout') <> '0'"
                        + " AND current_setting('idle_in_transaction_session_timeout') <> '0'")) {
            set.next();
            return set.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's timeouts", e);
        }
    }

    /** A name as PostgreSQL folds an unquoted one: the only kind this class puts into GRANT statements. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

    /**
     * Gives {@code runtimeRole} what serving needs and no more, run as the schema's owner after every migration (so
     * tables a migration added are covered): reading and writing the rows of every table but Flyway's history, only
     * reading and appending the journal (and redacting it, the columns erasure rewrites), and nothing on the schema
     * itself. Not owning the tables, the role cannot alter
     * them, turn row-level security off, drop a policy or disable the journal's triggers.
     */
    public static void grantRuntimeAccess(DataSource owner, String runtimeRole) {
        if (!PLAIN_NAME.matcher(runtimeRole).matches()) {
            throw new IllegalArgumentException("not a plain role name: " + runtimeRole);
        }
        try (Connection connection = owner.getConnection();
                Statement sql = connection.createStatement()) {
            String schema = currentSchema(sql);
            sql.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + runtimeRole);
            sql.execute(
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + runtimeRole);
            sql.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + schema + ".journal FROM " + runtimeRole);
            // Erasure's redaction (ADR 0026), the one update the journal's trigger lets through.
            sql.execute("GRANT UPDATE (actor_name, changes, redacted_by) ON " + schema + ".journal TO " + runtimeRole);
            sql.execute("REVOKE ALL ON " + schema + ".flyway_schema_history FROM " + runtimeRole);
            sql.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + runtimeRole);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the runtime role " + runtimeRole + " its rights", e);
        }
    }

    private static String currentSchema(Statement sql) throws SQLException {
        try (ResultSet schema = sql.executeQuery("SELECT current_schema()")) {
            schema.next();
            String name = schema.getString(1);
            if (name == null || !PLAIN_NAME.matcher(name).matches()) {
                throw new IllegalStateException("the connection's schema is not a plain name: " + name);
            }
            return name;
        }
    }

    /**
     * Refuses a runtime role that owns any of the schema's tables: an owner can turn row-level security off, drop a
     * policy or the journal's triggers, which a serving role must never be able to do.
     *
     * @throws IllegalStateException naming the role and what to do
     */
    public static void requireNotSchemaOwner(DataSource runtime) {
        try (Connection connection = runtime.getConnection();
                Statement sql = connection.createStatement();
                ResultSet owned = sql.executeQuery("SELECT current_user, count(*) FROM pg_tables"
                        + " WHERE schemaname = current_schema() AND tableowner = current_user GROUP BY current_user")) {
            if (owned.next()) {
                throw new IllegalStateException("The database role '" + owned.getString(1) + "' owns "
                        + owned.getLong(2) + " of the schema's tables, so it could turn row-level security off. Serve"
                        + " as a role with row rights only, and migrate as the owner (docs/operations.md).");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check what the database role owns", e);
        }
    }
}
