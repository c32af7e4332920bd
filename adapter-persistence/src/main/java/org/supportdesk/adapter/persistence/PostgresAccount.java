package org.supportdesk.adapter.persistence;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating-system account a local PostgreSQL cluster runs as. PostgreSQL refuses to run as root, so a process
 * running as root hands the cluster to an unprivileged account: {@code postgres} when the machine has one, else the
 * dedicated system account {@value #DEDICATED}, created on first use with a locked password, no home directory and no
 * login shell. Any other process runs the cluster as itself.
 */
public final class PostgresAccount {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresAccount.class);
    static final String POSTGRES = "postgres";
    static final String DEDICATED = "supportdesk-pg";
    private static final List<String> NO_LOGIN_SHELLS =
            List.of("/usr/sbin/nologin", "/sbin/nologin", "/usr/bin/false", "/bin/false");
    /** useradd's exit status when the name is taken: another process created the account just now. */
    private static final int USERADD_NAME_IN_USE = 9;

    private final String name;
    private final int uid;
    private final int gid;
    private final boolean switchesUser;

    private PostgresAccount(String name, int uid, int gid, boolean switchesUser) {
        this.name = name;
        this.uid = uid;
        this.gid = gid;
        this.switchesUser = switchesUser;
    }

    /** The account for a cluster started by this process; may create {@value #DEDICATED} when we are root. */
    public static PostgresAccount forThisProcess() {
        if (!runningAsRoot()) {
            return new PostgresAccount(System.getProperty("user.name"), -1, -1, false);
        }
        return chooseOrCreate(POSTGRES, DEDICATED);
    }

    /**
     * As root: {@code preferred} if it exists, else {@code dedicated}, which is created if missing and must otherwise be
     * an account nobody can log in to.
     */
    static PostgresAccount chooseOrCreate(String preferred, String dedicated) {
        Optional<PasswdEntry> existing = PasswdEntry.lookUp(preferred);
        if (existing.isPresent()) {
            return switchingTo(existing.get());
        }
        Optional<PasswdEntry> own = PasswdEntry.lookUp(dedicated);
        if (own.isEmpty()) {
            String shell = noLoginShell();
            Outcome useradd = run(List.of(
                    "useradd",
                    "--system",
                    "--user-group",
                    "--no-create-home",
                    "--home-dir",
                    "/nonexistent",
                    "--shell",
                    shell,
                    "--comment",
                    "Supportdesk local PostgreSQL",
                    dedicated));
            if (useradd.status() == 0) {
                LOG.warn(
                        "There is no {} account and PostgreSQL refuses to run as root: created the system account {}"
                                + " (password locked, no home directory, shell {}) to run the local cluster",
                        preferred,
                        dedicated,
                        shell);
            } else if (useradd.status() != USERADD_NAME_IN_USE) {
                throw new IllegalStateException("cannot create the system account " + dedicated + " (useradd exit "
                        + useradd.status() + ": " + useradd.output() + "); PostgreSQL refuses to run as root, so"
                        + " create an unprivileged account named " + preferred
                        + " or run Supportdesk as a normal user");
            }
            own = PasswdEntry.lookUp(dedicated);
        }
        PasswdEntry account = own.orElseThrow(
                () -> new IllegalStateException("the account " + dedicated + " vanished right after being created"));
        if (!NO_LOGIN_SHELLS.contains(account.shell())) {
            throw new IllegalStateException("Refusing to run PostgreSQL as " + dedicated + ": the account has the login"
                    + " shell " + account.shell() + ", so it is not the locked system account Supportdesk creates."
                    + " Remove it or give it the shell /usr/sbin/nologin.");
        }
        return switchingTo(account);
    }

    private static PostgresAccount switchingTo(PasswdEntry entry) {
        if (entry.uid() == 0) {
            throw new IllegalStateException(
                    "the account " + entry.name() + " has uid 0; PostgreSQL must run unprivileged");
        }
        return new PostgresAccount(entry.name(), entry.uid(), entry.gid(), true);
    }

    /** The account's name. */
    public String name() {
        return name;
    }

    /** Whether the cluster runs as another account than this process's (true exactly when we are root). */
    public boolean switchesUser() {
        return switchesUser;
    }

    /**
     * Whether the account can reach {@code path}: every existing directory above it lets the account through. Always
     * true when the cluster runs as this process's own user. Supplementary groups are not considered, so the answer
     * errs towards "no".
     */
    public boolean canReach(Path path) {
        if (!switchesUser) {
            return true;
        }
        for (Path dir = path.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir) && !canTraverse(dir)) {
                return false;
            }
        }
        return true;
    }

    private boolean canTraverse(Path dir) {
        try {
            int mode = (Integer) Files.getAttribute(dir, "unix:mode");
            if ((Integer) Files.getAttribute(dir, "unix:uid") == uid) {
                return (mode & 0100) != 0;
            }
            if ((Integer) Files.getAttribute(dir, "unix:gid") == gid) {
                return (mode & 0010) != 0;
            }
            return (mode & 0001) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Gives {@code path}, which this process created, to the account, when the cluster runs as another user. */
    void handOver(Path path) throws IOException {
        if (switchesUser) {
            Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** {@code command}, run as the account. */
    List<String> asAccount(List<String> command) {
        if (!switchesUser) {
            return command;
        }
        List<String> switched = new ArrayList<>(List.of("runuser", "-u", name, "--"));
        switched.addAll(command);
        return switched;
    }

    @Override
    public String toString() {
        return switchesUser ? "the account " + name + " (uid " + uid + ")" : "this process's user " + name;
    }

    static boolean runningAsRoot() {
        return currentUid() == 0;
    }

    /** This process's uid, or -1 where there is none (not a Unix). */
    static long currentUid() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("unix")) {
            return -1;
        }
        return new UnixSystem().getUid();
    }

    private static String noLoginShell() {
        return NO_LOGIN_SHELLS.stream()
                .filter(shell -> Files.isExecutable(Path.of(shell)))
                .findFirst()
                .orElse("/bin/false");
    }

    private static Outcome run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in 60 s");
            }
            return new Outcome(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + "; is it installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private record Outcome(int status, String output) {}

    /** One line of the account database, as {@code getent passwd} prints it. */
    record PasswdEntry(String name, int uid, int gid, String shell) {
        /** getent's exit status when the name is not in the database. */
        private static final int NOT_FOUND = 2;

        static Optional<PasswdEntry> lookUp(String name) {
            try {
                Process process = new ProcessBuilder("getent", "passwd", name)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("getent did not finish in 60 s");
                }
                if (process.exitValue() == NOT_FOUND) {
                    return Optional.empty();
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(
                            "getent passwd " + name + " failed (exit " + process.exitValue() + ")");
                }
                return Optional.of(parse(output.strip()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot run getent to look up the account " + name, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while looking up the account " + name, e);
            }
        }

        static PasswdEntry parse(String line) {
            String[] fields = line.split(":", -1);
            if (fields.length != 7) {
                throw new IllegalStateException("unexpected account entry: " + line);
            }
            return new PasswdEntry(fields[0], Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), fields[6]);
        }
    }
}
