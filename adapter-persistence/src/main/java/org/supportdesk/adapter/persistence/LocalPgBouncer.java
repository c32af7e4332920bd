package org.supportdesk.adapter.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Debian {@code pgbouncer} in transaction pooling mode in front of a {@link LocalPostgres}, for the tests and the
 * load harness that prove the server works behind one (docs/scaling.md): on a free port of 127.0.0.1, its
 * configuration, password file and log in a new temporary directory, run by the same account as the cluster (PgBouncer,
 * like PostgreSQL, refuses to run as root). It lets in the cluster's two roles with their passwords and keeps fewer
 * server connections than a server's pool has clients, so transactions really share them. Closing it stops it and
 * deletes the directory.
 */
public final class LocalPgBouncer implements AutoCloseable {
    /** Where Debian's package installs it. */
    public static final Path PROGRAM = Path.of("/usr/sbin/pgbouncer");
    /** Server connections per role: fewer than the server's pool of ten, so clients take turns on them. */
    public static final int SERVER_CONNECTIONS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(LocalPgBouncer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path directory;
    private final Process process;
    private final int port;
    private final String database;

    private LocalPgBouncer(Path directory, Process process, int port, String database) {
        this.directory = directory;
        this.process = process;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts PgBouncer in front of {@code cluster}.
     *
     * @throws IllegalStateException when {@link #PROGRAM} is not installed, or when it does not start (with its log)
     */
    public static LocalPgBouncer inFrontOf(LocalPostgres cluster) {
        if (!Files.isExecutable(PROGRAM)) {
            throw new IllegalStateException(PROGRAM + " is not installed: the tests through PgBouncer need Debian's"
                    + " pgbouncer package (apt-get install pgbouncer)");
        }
        PostgresAccount account = PostgresAccount.forThisProcess();
        try {
            Path directory = Files.createTempDirectory("supportdesk-pgbouncer-");
            account.handOver(directory);
            int port = LocalPostgres.freePort();
            Path users = directory.resolve("users.txt");
            PrivateFiles.write(
                    users,
                    quoted(cluster.user()) + " " + quoted(cluster.password()) + "\n" + quoted(cluster.runtimeUser())
                            + " " + quoted(cluster.runtimePassword()) + "\n");
            account.handOver(users);
            Path ini = directory.resolve("pgbouncer.ini");
            Files.writeString(
                    ini,
                    """
                    [databases]
                    %1$s = host=127.0.0.1 port=%2$d dbname=%1$s

                    [pgbouncer]
                    listen_addr = 127.0.0.1
                    listen_port = %3$d
                    unix_socket_dir =
                    auth_type = scram-sha-256
                    auth_file = %4$s
                    pool_mode = transaction
                    default_pool_size = %5$d
                    max_client_conn = 200
                    ignore_startup_parameters = extra_float_digits
                    logfile = %6$s
                    """
                            .formatted(
                                    cluster.database(),
                                    cluster.port(),
                                    port,
                                    users,
                                    SERVER_CONNECTIONS,
                                    directory.resolve("pgbouncer.log")),
                    StandardCharsets.UTF_8);
            account.handOver(ini);
            List<String> command = account.asAccount(List.of(PROGRAM.toString(), ini.toString()));
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("pgbouncer.out").toFile())
                    .start();
            LocalPgBouncer bouncer = new LocalPgBouncer(directory, process, port, cluster.database());
            bouncer.awaitListening();
            LOG.info("PgBouncer in transaction mode on 127.0.0.1:{} in front of {}", port, cluster);
            return bouncer;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PgBouncer", e);
        }
    }

    /** The JDBC URL of the application database through PgBouncer. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                break;
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(50));
            }
        }
        String log = Files.readString(directory.resolve("pgbouncer.out"), StandardCharsets.UTF_8);
        close();
        throw new IllegalStateException("PgBouncer did not start listening on 127.0.0.1:" + port + ": " + log);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PgBouncer", e);
        }
    }

    /** Stops PgBouncer (and {@code runuser} before it, when it runs as another account) and deletes its directory. */
    @Override
    public void close() {
        List<ProcessHandle> processes = new ArrayList<>(process.descendants().toList());
        processes.add(process.toHandle());
        processes.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                processes.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            FileTrees.delete(directory);
        } catch (IOException e) {
            LOG.warn("could not delete PgBouncer's directory {}", directory, e);
        }
    }
}
