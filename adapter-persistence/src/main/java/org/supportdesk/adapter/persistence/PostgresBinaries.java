package org.supportdesk.adapter.persistence;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server programs a local cluster runs: the machine's own, from the first directory of a search path that
 * holds {@code initdb} and {@code pg_ctl}; otherwise the ones bundled in {@value BundledPostgres#ARTIFACT} (when it is
 * on the classpath), unpacked once into a directory named after their version. See
 * docs/adr/0004-bundled-postgresql-binaries.md.
 */
public final class PostgresBinaries {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);

    /**
     * The environment variable that replaces {@link #systemSearchPath()} for {@link #defaultSearchPath()}: directories
     * separated by {@code :}. Naming only directories without the programs (e.g. {@code /nonexistent}) selects the
     * bundled binaries.
     */
    public static final String SEARCH_PATH_VARIABLE = "SUPPORTDESK_POSTGRES_PATH";

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final boolean bundled;

    private PostgresBinaries(Path bin, boolean bundled) {
        this.bin = bin;
        this.bundled = bundled;
    }

    /**
     * The machine's binaries from the first directory of {@code searchPath} that holds them, or else the bundled ones
     * unpacked in {@code bundleDirectory} (which is created if missing).
     *
     * @throws IllegalStateException saying what to install when neither is available
     */
    public static PostgresBinaries locate(List<Path> searchPath, Path bundleDirectory) {
        Optional<Path> installed = searchPath.stream()
                .filter(PostgresBinaries::holdsServerPrograms)
                .findFirst();
        if (installed.isPresent()) {
            return new PostgresBinaries(installed.get(), false);
        }
        Optional<String> unsupported = BundledPostgres.unsupportedHere();
        if (unsupported.isEmpty() && !BundledPostgres.onClasspath()) {
            unsupported = Optional.of("the bundled ones are not on the classpath (add " + BundledPostgres.ARTIFACT + ":"
                    + BundledPostgres.VERSION + ")");
        }
        if (unsupported.isPresent()) {
            throw new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl) in " + searchPath + ", and "
                    + unsupported.get()
                    + ". Install PostgreSQL 15 or newer with its contrib extensions (Debian, Ubuntu:"
                    + " apt-get install postgresql postgresql-contrib; Fedora: dnf install postgresql-server"
                    + " postgresql-contrib; macOS: brew install postgresql@15) and put its bin directory on PATH or in "
                    + SEARCH_PATH_VARIABLE + ", or point SUPPORTDESK_DB_URL at a running database.");
        }
        Path unpacked = BundledPostgres.unpackedIn(bundleDirectory);
        LOG.info(
                "No PostgreSQL server binaries on the search path; using the bundled PostgreSQL {} in {}",
                BundledPostgres.VERSION,
                unpacked);
        return new PostgresBinaries(unpacked.resolve("bin"), true);
    }

    /** {@code PATH}, then {@code /usr/lib/postgresql/<version>/bin}, newest version first (Debian's layout). */
    public static List<Path> systemSearchPath() {
        List<Path> directories = new ArrayList<>(parseSearchPath(System.getenv().getOrDefault("PATH", "")));
        if (Files.isDirectory(DEBIAN_ROOT)) {
            try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
                versions.sorted(Comparator.comparing(PostgresBinaries::majorVersion)
                                .reversed())
                        .map(version -> version.resolve("bin"))
                        .forEach(directories::add);
            } catch (IOException e) {
                LOG.warn("cannot list {}", DEBIAN_ROOT, e);
            }
        }
        return List.copyOf(directories);
    }

    /** {@value #SEARCH_PATH_VARIABLE} when set and not blank, else {@link #systemSearchPath()}. */
    public static List<Path> defaultSearchPath() {
        String override = System.getenv(SEARCH_PATH_VARIABLE);
        return override == null || override.isBlank() ? systemSearchPath() : parseSearchPath(override);
    }

    /** Directories separated by {@code :}; empty entries are skipped. */
    public static List<Path> parseSearchPath(String directories) {
        return Stream.of(directories.split(File.pathSeparator))
                .map(String::strip)
                .filter(dir -> !dir.isEmpty())
                .map(Path::of)
                .toList();
    }

    /**
     * Where tests and embedders unpack the bundled binaries unless told otherwise: a directory per version and user
     * under {@code java.io.tmpdir}, so that each is unpacked once per machine.
     */
    public static Path defaultBundleDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "supportdesk-" + bundledDirectoryName() + "-" + user);
    }

    /** The name of a directory holding the unpacked bundled binaries: {@code postgresql-<version>}. */
    public static String bundledDirectoryName() {
        return "postgresql-" + BundledPostgres.VERSION;
    }

    /** The directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}. */
    public Path bin() {
        return bin;
    }

    /** Whether these are the bundled binaries rather than the machine's. */
    public boolean bundled() {
        return bundled;
    }

    @Override
    public String toString() {
        return bundled
                ? "the bundled PostgreSQL " + BundledPostgres.VERSION + " in " + bin
                : "the PostgreSQL binaries in " + bin;
    }

    private static boolean holdsServerPrograms(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"));
    }

    private static int majorVersion(Path versionDirectory) {
        try {
            return Integer.parseInt(versionDirectory.getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
