package org.supportdesk.adapter.persistence;

import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster of our own on 127.0.0.1, started from the machine's PostgreSQL binaries or else the bundled ones
 * ({@link PostgresBinaries}): throwaway for tests, or kept in a directory and reused across runs for the quick-start
 * server. When we are root the cluster runs as an unprivileged account ({@link PostgresAccount}), since PostgreSQL
 * refuses to run as root. It has two roles besides the superuser, neither superuser nor exempt from row-level security:
 * the owner of the database and its schema, which migrations run as, and a runtime role that may only read and write
 * rows, which the server serves as. It can be stopped and started again on the same port and data directory, so a pool keeps its URL
 * across a restart (fault tests, {@link ClusterWatchdog}).
 */
public final class LocalPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    /** Owns the database and its schema: migrations run as it. */
    private static final String OWNER_ROLE = "supportdesk";
    /** Serves requests: reads and writes rows, and nothing else (docs/operations.md, "Two database roles"). */
    private static final String RUNTIME_ROLE = "supportdesk_app";

    private static final String DATABASE = "supportdesk";
    private static final String SECRETS = "supportdesk-cluster.properties";
    /** Keys of the secrets file; the owner's is "application" from before there were two roles. */
    private static final String SUPERUSER_KEY = "superuser";

    private static final String OWNER_KEY = "application";
    private static final String RUNTIME_KEY = "runtime";

    /** Whether a commit waits for its WAL to reach the disk before it is acknowledged. */
    public enum SynchronousCommit {
        /** As a production server: {@code synchronous_commit} and {@code full_page_writes} at their durable defaults. */
        ON,
        /**
         * Fast, for tests that need no crash safety: the last moments of acknowledged commits can be lost in a crash
         * ({@code synchronous_commit = off}), and {@code full_page_writes = off}. {@code fsync} stays on, so the
         * server's start-up check (which refuses {@code fsync = off}) runs against it unchanged.
         */
        OFF
    }

    /** How {@link #stop(Shutdown)} stops the server: {@code pg_ctl stop -m fast} or {@code -m immediate}. */
    public enum Shutdown {
        /** Sessions are ended, then a checkpoint is written: an orderly stop. */
        FAST,
        /** Every server process quits at once, as in a crash: the next start replays the WAL. */
        IMMEDIATE
    }

    private final Path directory;
    private final Programs programs;
    private final boolean throwaway;
    private final int port;
    private final List<String> settings;
    private final Properties passwords;

    private LocalPostgres(
            Path directory,
            Programs programs,
            boolean throwaway,
            int port,
            List<String> settings,
            Properties passwords) {
        this.directory = directory;
        this.programs = programs;
        this.throwaway = throwaway;
        this.port = port;
        this.settings = List.copyOf(settings);
        this.passwords = passwords;
    }

    /**
     * A fresh cluster in a new temporary directory, removed again by {@link #close()}, from the binaries of
     * {@link PostgresBinaries#defaultSearchPath()} or else the bundled ones unpacked in
     * {@link PostgresBinaries#defaultBundleDirectory()}.
     */
    public static LocalPostgres startThrowaway() {
        return startThrowaway(SynchronousCommit.OFF);
    }

    /** A fresh throwaway cluster, as {@link #startThrowaway()}, whose commits wait for the disk or not. */
    public static LocalPostgres startThrowaway(SynchronousCommit commits) {
        return startThrowaway(commits, Map.of());
    }

    /**
     * A fresh throwaway cluster, as {@link #startThrowaway(SynchronousCommit)}, with further server settings (name to
     * value, e.g. {@code wal_writer_delay}) for a test that needs them.
     */
    public static LocalPostgres startThrowaway(SynchronousCommit commits, Map<String, String> settings) {
        return startThrowaway(
                PostgresBinaries.locate(
                        PostgresBinaries.defaultSearchPath(), PostgresBinaries.defaultBundleDirectory()),
                PostgresAccount.forThisProcess(),
                commits,
                settings);
    }

    /** A fresh cluster from {@code binaries} run as {@code account}, in a new temporary directory. */
    public static LocalPostgres startThrowaway(PostgresBinaries binaries, PostgresAccount account) {
        return startThrowaway(binaries, account, SynchronousCommit.OFF, Map.of());
    }

    private static LocalPostgres startThrowaway(
            PostgresBinaries binaries,
            PostgresAccount account,
            SynchronousCommit commits,
            Map<String, String> settings) {
        try {
            Path directory = Files.createTempDirectory("supportdesk-pg-");
            return create(directory, true, commits, settings, new Programs(binaries, account));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for a throwaway PostgreSQL cluster", e);
        }
    }

    /**
     * The cluster kept in {@code directory}, from the default binaries as for {@link #startThrowaway()}; see
     * {@link #startKept(Path, PostgresBinaries, PostgresAccount)}.
     */
    public static LocalPostgres startKept(Path directory) {
        return startKept(
                directory,
                PostgresBinaries.locate(
                        PostgresBinaries.defaultSearchPath(), PostgresBinaries.defaultBundleDirectory()),
                PostgresAccount.forThisProcess());
    }

    /**
     * The cluster kept in {@code directory}: created on the first call, started again on later ones. The directory and
     * the binaries must be reachable by {@code account} ({@link PostgresAccount#canReach(Path)}).
     */
    public static LocalPostgres startKept(Path directory, PostgresBinaries binaries, PostgresAccount account) {
        try {
            Files.createDirectories(directory);
            return create(directory, false, SynchronousCommit.ON, Map.of(), new Programs(binaries, account));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + directory + " for the local PostgreSQL cluster", e);
        }
    }

    private static LocalPostgres create(
            Path directory,
            boolean throwaway,
            SynchronousCommit commits,
            Map<String, String> extraSettings,
            Programs programs)
            throws IOException {
        programs.requireReachable(directory);
        Path data = directory.resolve("data");
        Path secrets = directory.resolve(SECRETS);
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        // Saved before any role has them, so a crash part-way never leaves a cluster no one can open.
        Properties passwords = passwords(secrets, fresh);
        if (fresh) {
            programs.handOver(directory);
            Path passwordFile = directory.resolve("superuser-password");
            PrivateFiles.write(passwordFile, passwords.getProperty(SUPERUSER_KEY));
            programs.handOver(passwordFile);
            programs.run(
                    directory,
                    "initdb",
                    "-D",
                    data.toString(),
                    "-U",
                    "postgres",
                    "--pwfile=" + passwordFile,
                    "--auth-local=peer",
                    "--auth-host=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C");
            Files.delete(passwordFile);
        }
        if (!fresh && Files.exists(data.resolve("postmaster.pid"))) {
            // Left running by a process that died without closing it (e.g. killed): stop it, then start afresh.
            LOG.warn("A PostgreSQL server from an earlier run is still up in {}; stopping it first", directory);
            programs.stopQuietly(directory, data);
        }
        int port = freePort();
        List<String> settings = new ArrayList<>(List.of(
                "-p " + port,
                "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories='" + directory + "'",
                "-c max_connections=200"));
        if (commits == SynchronousCommit.OFF) {
            settings.addAll(List.of("-c synchronous_commit=off", "-c full_page_writes=off"));
        }
        extraSettings.forEach((name, value) -> settings.add("-c " + name + "=" + value));
        LocalPostgres cluster = new LocalPostgres(directory, programs, throwaway, port, settings, passwords);
        cluster.start();
        cluster.ensureRolesAndDatabase();
        LOG.info(
                "PostgreSQL cluster in {} listening on 127.0.0.1:{}, run by {} from {}",
                directory,
                port,
                programs.account(),
                programs.binaries());
        return cluster;
    }

    /**
     * Starts the server of this cluster: on its port and data directory, with its settings, so the JDBC URL stays
     * valid. After {@link #stop(Shutdown)} or a crash this is a restart; returns once the server accepts connections.
     *
     * @throws IllegalStateException when it does not start, with the end of its log
     */
    public void start() {
        programs.run(
                directory,
                "pg_ctl",
                "-D",
                directory.resolve("data").toString(),
                "-l",
                directory.resolve("postgres.log").toString(),
                "-o",
                String.join(" ", settings),
                "-w",
                "-t",
                "60",
                "start");
    }

    /** Stops the server, keeping the cluster; {@link #start()} starts it again. */
    public void stop(Shutdown shutdown) {
        programs.run(
                directory,
                "pg_ctl",
                "-D",
                directory.resolve("data").toString(),
                "-m",
                shutdown.name().toLowerCase(Locale.ROOT),
                "-w",
                "stop");
    }

    /** Whether the server's postmaster is alive, as {@link #postmasterOf(Path)} tells. */
    public boolean running() {
        return postmasterOf(directory).isPresent();
    }

    /**
     * The live postmaster of the cluster in {@code directory}, as its {@code postmaster.pid} names it: empty when the
     * server was stopped, or died and left the file behind.
     */
    public static Optional<ProcessHandle> postmasterOf(Path directory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(directory.resolve("data").resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException stopped) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the PostgreSQL pid file in " + directory, e);
        }
        try {
            return lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException halfWritten) {
            return Optional.empty();
        }
    }

    /** The JDBC URL of the application database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The TCP port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The name of the application database. */
    public String database() {
        return DATABASE;
    }

    /**
     * The role that owns the database and its schema, which migrations run as; neither superuser nor exempt from
     * row-level security, so a server that also serves as it (one role, as on many managed databases) is still bound.
     */
    public String user() {
        return OWNER_ROLE;
    }

    public String password() {
        return passwords.getProperty(OWNER_KEY);
    }

    /** The role that serves requests: it may read and write rows, not change tables, policies or triggers. */
    public String runtimeUser() {
        return RUNTIME_ROLE;
    }

    public String runtimePassword() {
        return passwords.getProperty(RUNTIME_KEY);
    }

    /** A superuser connection, for tests that must look past row-level security. */
    public Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "postgres",
                passwords.getProperty(SUPERUSER_KEY));
    }

    @Override
    public String toString() {
        return "PostgreSQL in " + directory + " on 127.0.0.1:" + port;
    }

    /** Stops the cluster; a throwaway one is deleted too. */
    @Override
    public void close() {
        programs.stopQuietly(directory, directory.resolve("data"));
        if (throwaway) {
            try {
                FileTrees.delete(directory);
            } catch (IOException e) {
                LOG.warn("could not remove {}", directory, e);
            }
        }
    }

    /**
     * Creates what is missing of the two roles and the database, on every start: a crash between {@code initdb} and
     * here, or a cluster kept from before there were two roles, is completed rather than refused.
     */
    private void ensureRolesAndDatabase() {
        try (Connection admin = superuserConnection("postgres");
                Statement sql = admin.createStatement()) {
            for (String role : List.of(OWNER_ROLE, RUNTIME_ROLE)) {
                if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                    String password = passwords.getProperty(role.equals(OWNER_ROLE) ? OWNER_KEY : RUNTIME_KEY);
                    sql.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB"
                            + " PASSWORD '" + password + "'");
                }
            }
            if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                sql.execute(
                        "CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the cluster's roles and database", e);
        }
        // Lets search use its GIN indexes under row-level security (docs/persistence.md). The two functions fail only
        // on a malformed pattern or query, never on row data, so they reveal nothing about rows the policy hides.
        try (Connection admin = superuserConnection(DATABASE);
                Statement sql = admin.createStatement()) {
            for (String function : Database.SEARCH_FUNCTIONS) {
                sql.execute("ALTER FUNCTION " + function + " LEAKPROOF");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark the search functions LEAKPROOF", e);
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    /**
     * The cluster's passwords, from its secrets file, with any that are missing generated and saved (0600, written
     * whole) before they are used. A cluster that exists without its secrets file cannot be opened.
     */
    private static Properties passwords(Path secrets, boolean fresh) throws IOException {
        Properties passwords = new Properties();
        if (Files.exists(secrets)) {
            try (var in = Files.newInputStream(secrets)) {
                passwords.load(in);
            }
        } else if (!fresh) {
            throw new IllegalStateException("the PostgreSQL cluster beside " + secrets + " has lost its passwords file;"
                    + " remove the cluster's directory to start afresh");
        }
        boolean added = false;
        for (String key : List.of(SUPERUSER_KEY, OWNER_KEY, RUNTIME_KEY)) {
            if (passwords.getProperty(key) == null) {
                passwords.setProperty(key, randomSecret());
                added = true;
            }
        }
        if (added) {
            StringWriter text = new StringWriter();
            passwords.store(text, "passwords of the local PostgreSQL cluster; keep private");
            PrivateFiles.write(secrets, text.toString());
        }
        return passwords;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A TCP port of 127.0.0.1 that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The PostgreSQL programs, and the account they run as. */
    private record Programs(PostgresBinaries binaries, PostgresAccount account) {
        void requireReachable(Path directory) {
            for (Path path : List.of(binaries.bin().resolve("postgres"), directory)) {
                if (!account.canReach(path)) {
                    throw new IllegalStateException("PostgreSQL runs as " + account + ", which cannot reach " + path
                            + ": every directory above it must let that account through (o+x)");
                }
            }
        }

        void handOver(Path path) throws IOException {
            account.handOver(path);
        }

        /** Stops the server of {@code data} if one runs; a stale pid file with no server is left to pg_ctl. */
        void stopQuietly(Path workDirectory, Path data) {
            try {
                run(workDirectory, "pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
            } catch (IllegalStateException notRunning) {
                LOG.info("no server was running in {}", data);
            }
        }

        void run(Path workDirectory, String program, String... arguments) {
            List<String> programAndArguments = new ArrayList<>();
            programAndArguments.add(binaries.bin().resolve(program).toString());
            programAndArguments.addAll(List.of(arguments));
            List<String> command = account.asAccount(programAndArguments);
            Path output = workDirectory.resolve(program + ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(workDirectory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(program + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
                            + Files.readString(output, StandardCharsets.UTF_8)
                            + tail(workDirectory.resolve("postgres.log")));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + program, e);
            }
        }

        private static String tail(Path log) throws IOException {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
    }
}
