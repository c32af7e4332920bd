package org.supportdesk.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The pool, the migrations and the JDBI instance over them. */
public final class Database {
    private Database() {}

    /** A connection pool for {@code config}; the caller closes it. */
    public static HikariDataSource pool(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        hikari.setPoolName("supportdesk");
        hikari.setAutoCommit(true);
        return new HikariDataSource(hikari);
    }

    /** Applies the migrations under {@code db/migration} to the connection's current schema. */
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
                .failOnMissingLocations(true)
                .load();
    }

    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
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
                        + " Connect as an ordinary role (NOSUPERUSER NOBYPASSRLS) that owns the Supportdesk schema.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database role", e);
        }
    }
}
