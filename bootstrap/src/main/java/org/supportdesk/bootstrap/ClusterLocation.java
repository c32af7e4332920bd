package org.supportdesk.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.adapter.persistence.PostgresAccount;
import org.supportdesk.adapter.persistence.PostgresBinaries;
import org.supportdesk.domain.digest.Digests;

/**
 * Where the self-started PostgreSQL cluster is kept: {@code <data dir>/postgres}, unless we run as root and the account
 * that runs the cluster ({@link PostgresAccount}) cannot reach it, e.g. under a 0700 {@code /root}. Then it lives in a
 * directory under {@code /var/tmp} (or the system temp directory) named after a hash of the data directory, so every
 * run with the same data directory finds the same cluster again. The bundled PostgreSQL binaries, when used, are
 * unpacked beside the cluster, where the same account reaches them.
 */
final class ClusterLocation {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLocation.class);
    private static final String CLUSTER = "postgres";

    private ClusterLocation() {}

    static Path forDataDir(Path dataDir, PostgresAccount account) {
        Path preferred = dataDir.toAbsolutePath().normalize().resolve(CLUSTER);
        if (account.canReach(preferred)) {
            return preferred;
        }
        Path fallback = fallbackRoot(account)
                .resolve("supportdesk-"
                        + Digests.sha256Hex(dataDir.toAbsolutePath().normalize().toString())
                                .substring(0, 16))
                .resolve(CLUSTER);
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

    private static Path fallbackRoot(PostgresAccount account) {
        Path varTmp = Path.of("/var/tmp");
        return Optional.of(varTmp)
                .filter(Files::isDirectory)
                .filter(p -> account.canReach(p.resolve("x")))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
    }
}
