package org.supportdesk.adapter.persistence;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks a tar.xz archive into a directory that appears whole or not at all: the entries go into a hidden staging
 * directory beside the target, which is renamed to the target once complete. Regular files keep their permission bits
 * (so programs stay executable; set-id bits are dropped); directories and symbolic links are recreated; anything else
 * (hard links, devices, FIFOs) is refused, and so is any entry that would land outside the target.
 */
final class TarXzUnpacker {
    private static final Logger LOG = LoggerFactory.getLogger(TarXzUnpacker.class);
    private static final String STAGING_INFIX = ".unpacking-";
    private static final Duration STALE_STAGING = Duration.ofHours(1);

    private TarXzUnpacker() {}

    /**
     * Unpacks {@code txz} into {@code target}. When {@code target} appears meanwhile (another process unpacking the same
     * archive won the race), its copy is kept and ours discarded.
     *
     * @throws UnsafeArchive when an entry would escape the target or is of a kind we do not unpack
     */
    static void unpack(InputStream txz, Path target) throws IOException {
        Path absoluteTarget = target.toAbsolutePath().normalize();
        Path parent = absoluteTarget.getParent();
        Files.createDirectories(parent);
        String stagingPrefix = "." + absoluteTarget.getFileName() + STAGING_INFIX;
        removeStaleStaging(parent, stagingPrefix);
        // Created 0700: nobody else can add to the tree while it is being built.
        Path staging = Files.createTempDirectory(parent, stagingPrefix);
        try {
            extract(txz, staging);
        } catch (IOException | RuntimeException e) {
            discard(staging);
            throw e;
        }
        try {
            Files.move(staging, absoluteTarget, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            discard(staging);
            if (!Files.isDirectory(absoluteTarget, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            LOG.info("{} was unpacked by another process meanwhile; using that copy", absoluteTarget);
        }
    }

    private static void extract(InputStream txz, Path root) throws IOException {
        Map<Path, Integer> directoryModes = new LinkedHashMap<>();
        List<Path> links = new ArrayList<>();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = destination(root, entry.getName());
                if (path.equals(root)) {
                    continue; // the target itself is always 0755, so the server's account can reach the programs
                }
                requireNoLinkBetween(root, path, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    directoryModes.put(path, entry.getMode());
                } else if (entry.isSymbolicLink()) {
                    Path linkTarget = Path.of(entry.getLinkName());
                    if (linkTarget.isAbsolute()) {
                        throw new UnsafeArchive(
                                "symbolic link " + entry.getName() + " points to the absolute path " + linkTarget);
                    }
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, linkTarget);
                    links.add(path);
                } else if (regularFile(entry)) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                } else {
                    throw new UnsafeArchive("entry " + entry.getName() + " is neither a regular file, a directory nor a"
                            + " symbolic link");
                }
            }
        }
        // Nothing was written through a link (requireNoLinkBetween), so checking where each one finally leads is
        // enough.
        Path realRoot = root.toRealPath();
        for (Path link : links) {
            Path resolved;
            try {
                resolved = link.toRealPath();
            } catch (IOException dangling) {
                throw new UnsafeArchive("symbolic link " + root.relativize(link) + " leads nowhere");
            }
            if (!resolved.startsWith(realRoot)) {
                throw new UnsafeArchive(
                        "symbolic link " + root.relativize(link) + " leads outside the archive, to " + resolved);
            }
        }
        // Deepest first, so a directory never loses its search bit before its children are set. Directories the
        // archive only implies (by a file inside) get 0755 rather than whatever the umask gives.
        List<Path> directories;
        try (Stream<Path> paths = Files.walk(root)) {
            directories = paths.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                    .toList();
        }
        for (Path dir : directories) {
            Files.setPosixFilePermissions(dir, permissions(directoryModes.getOrDefault(dir, 0755)));
        }
    }

    /** By its type flag alone: commons-compress's isFile() also says yes to hard links, devices and FIFOs. */
    private static boolean regularFile(TarArchiveEntry entry) {
        byte type = entry.getLinkFlag();
        return type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM || type == TarConstants.LF_CONTIG;
    }

    /** Where an entry goes: inside {@code root}, or refused. */
    static Path destination(Path root, String entryName) throws UnsafeArchive {
        Path name = Path.of(entryName);
        Path path = root.resolve(name).normalize();
        if (name.isAbsolute() || !path.startsWith(root)) {
            throw new UnsafeArchive("entry " + entryName + " would be written outside " + root);
        }
        return path;
    }

    /** Refuses to create anything beneath a symbolic link the archive made earlier. */
    private static void requireNoLinkBetween(Path root, Path path, String entryName) throws UnsafeArchive {
        for (Path dir = path.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
            if (Files.isSymbolicLink(dir)) {
                throw new UnsafeArchive(
                        "entry " + entryName + " would be written through the symbolic link " + root.relativize(dir));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }

    /** Staging directories of unpacks that were killed; an hour is far longer than any unpack takes. */
    private static void removeStaleStaging(Path parent, String stagingPrefix) {
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE_STAGING));
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parent, stagingPrefix + "*")) {
            for (Path leftover : leftovers) {
                if (Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS)
                                .compareTo(cutoff)
                        < 0) {
                    LOG.info("Removing {}, left over by an unpack that did not finish", leftover);
                    discard(leftover);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not look for unfinished unpacks in {}", parent, e);
        }
    }

    private static void discard(Path staging) {
        try {
            FileTrees.delete(staging);
        } catch (IOException e) {
            LOG.warn("could not remove {}", staging, e);
        }
    }

    /** An archive entry we will not unpack: it would escape the target directory, or is of an unexpected kind. */
    static final class UnsafeArchive extends IOException {
        private static final long serialVersionUID = 1L;

        UnsafeArchive(String message) {
            super(message);
        }
    }
}
