package org.supportdesk.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.adapter.persistence.PostgresAccount;
import org.supportdesk.adapter.persistence.PostgresBinaries;
import org.supportdesk.domain.digest.Digests;

/**
 * Where the self-started PostgreSQL cluster is kept: {@code <data dir>/postgres}, unless we run as root and the account
 * that runs the cluster ({@link PostgresAccount}) cannot reach it, e.g. under a 0700 {@code /root}. Then it lives under
 * {@code /var/lib/supportdesk}, in a directory named after a hash of the data directory, so every run with the same
 * data directory finds the same cluster again. Not in a shared temporary directory: there anyone can create the
 * predictable name first, or a symlink in its place, and so steer what root hands over to the cluster's account or
 * read the superuser password written there; {@code /var/lib} is root's alone, and the directory is refused unless it
 * is root's own, not writable by others, and no symlink. The bundled PostgreSQL binaries, when used, are unpacked
 * beside the cluster, where the same account reaches them.
 */
final class ClusterLocation {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLocation.class);
    private static final String CLUSTER = "postgres";
    static final Path ROOTS_CLUSTERS = Path.of("/var/lib/supportdesk");

    private ClusterLocation() {}

    static Path forDataDir(Path dataDir, PostgresAccount account) {
        return forDataDir(dataDir, account, ROOTS_CLUSTERS);
    }

    /** As {@link #forDataDir(Path, PostgresAccount)}, with root's clusters kept under {@code rootsClusters}. */
    static Path forDataDir(Path dataDir, PostgresAccount account, Path rootsClusters) {
        Path preferred = dataDir.toAbsolutePath().normalize().resolve(CLUSTER);
        if (account.canReach(preferred)) {
            return preferred;
        }
        Path home = rootsClusters.resolve(
                "cluster-" + Digests.sha256Hex(preferred.toString()).substring(0, 16));
        requireOwnedAndClosed(rootsClusters);
        requireOwnedAndClosed(home);
        Path fallback = home.resolve(CLUSTER);
        LOG.info(
                "{} cannot reach {}; the local PostgreSQL cluster for this data directory is kept in {}",
                account,
                preferred,
                fallback);
        return fallback;
    }

    /** Where the bundled binaries are unpacked for the cluster in {@code cluster}: beside it, named by version. */
    static Path bundledBinaries(Path cluster) {
        return cluster.resolveSibling(PostgresBinaries.bundledDirectoryName());
    }

    /** A directory that may not exist yet, or else is a real directory of this process's user that nobody else writes. */
    private static void requireOwnedAndClosed(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            PosixFileAttributes attributes =
                    Files.readAttributes(directory, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String me = System.getProperty("user.name");
            Set<PosixFilePermission> permissions = attributes.permissions();
            if (!attributes.isDirectory()
                    || !attributes.owner().getName().equals(me)
                    || permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IllegalStateException(directory + " must be a directory of " + me
                        + " that no one else can write (not a symlink); remove it or fix its owner and mode");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot inspect " + directory + ": " + e.getMessage(), e);
        }
    }
}
