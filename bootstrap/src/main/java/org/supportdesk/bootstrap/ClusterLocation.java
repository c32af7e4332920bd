package org.supportdesk.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the self-started PostgreSQL cluster is kept: {@code <data dir>/postgres}, unless we run as root and the
 * {@code postgres} OS user (who runs the cluster) cannot reach it, e.g. under a 0700 {@code /root}. Then it lives in
 * a directory under {@code /var/tmp} (or the system temp directory) named after a hash of the data directory, so every
 * run with the same data directory finds the same cluster again.
 */
final class ClusterLocation {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLocation.class);
    private static final String POSTGRES = "postgres";

    private ClusterLocation() {}

    static Path forDataDir(Path dataDir) {
        Path preferred = dataDir.toAbsolutePath().normalize().resolve(POSTGRES);
        if (!"root".equals(System.getProperty("user.name")) || reachableByPostgres(preferred)) {
            return preferred;
        }
        Path fallback = fallbackRoot()
                .resolve("supportdesk-"
                        + hash(dataDir.toAbsolutePath().normalize().toString()))
                .resolve(POSTGRES);
        LOG.info(
                "The postgres OS user cannot reach {}; the local PostgreSQL cluster for this data directory is kept in {}",
                preferred,
                fallback);
        return fallback;
    }

    /** Whether every existing ancestor of {@code directory} lets the postgres user through. */
    static boolean reachableByPostgres(Path directory) {
        for (Path dir = directory.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir) && !traversable(dir)) {
                return false;
            }
        }
        return true;
    }

    private static boolean traversable(Path dir) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
            if (POSTGRES.equals(attributes.owner().getName())) {
                return attributes.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
            }
            if (POSTGRES.equals(attributes.group().getName())) {
                return attributes.permissions().contains(PosixFilePermission.GROUP_EXECUTE);
            }
            return attributes.permissions().contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Path fallbackRoot() {
        Path varTmp = Path.of("/var/tmp");
        return Optional.of(varTmp)
                .filter(Files::isDirectory)
                .filter(p -> reachableByPostgres(p.resolve("x")))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
