package org.supportdesk.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.attachment.PayloadTooLarge;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.StagedContent;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Attachment bytes on the local file system (§6), under one root: {@code <root>/<tenant id>/sha256/<ab>/<cd>/<sha256>}
 * for kept content, {@code <root>/<tenant id>/staging/} for uploads on their way in. Every path is made of the tenant's
 * UUID and hex digits only, never of anything a client sent. An upload streams to a staging file while it is counted
 * and hashed, is synced to disk, and is renamed into place atomically, so a reader sees all of a file or none of it.
 * Directories and files are the server's alone ({@code rwx------}, {@code rw-------}) where the file system has
 * POSIX permissions.
 */
public final class LocalAttachmentStore implements AttachmentStore {
    static final String STAGING = "staging";
    static final String CONTENT = "sha256";
    private static final int BUFFER = 64 * 1024;
    private static final boolean POSIX =
            java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;

    private LocalAttachmentStore(Path root) {
        this.root = root;
    }

    /** A store under {@code root}, which is made if missing. */
    public static LocalAttachmentStore under(Path root) {
        Path absolute = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        directories(absolute);
        return new LocalAttachmentStore(absolute);
    }

    /** The directory everything of this store lives under. */
    public Path root() {
        return root;
    }

    @Override
    public StagedContent stage(TenantId tenant, InputStream content, long maxBytes) {
        Path staging = directories(tenantDirectory(tenant).resolve(STAGING));
        Path file;
        try {
            file = Files.createTempFile(staging, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageDigest sha256 = sha256();
            long size = copy(content, file, sha256, maxBytes);
            return new Staged(tenant, file, new ContentDigest(HexFormat.of().formatHex(sha256.digest())), size);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            delete(file);
            throw e;
        }
    }

    /** Copies at most {@code maxBytes + 1} bytes: one more than allowed is enough to refuse. */
    private static long copy(InputStream content, Path file, MessageDigest sha256, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            while (true) {
                int read = content.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total));
                if (read < 0) {
                    break;
                }
                total += read;
                if (total > maxBytes) {
                    throw new PayloadTooLarge("A file may have at most " + maxBytes + " bytes");
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            out.flush();
            channel.force(true);
        }
        return total;
    }

    @Override
    public void keep(StagedContent content) {
        Staged staged = (Staged) content;
        Path target = contentPath(staged.tenant(), staged.digest());
        try {
            directories(target.getParent());
            if (Files.exists(target)) {
                delete(staged.file); // the same bytes are stored already
            } else {
                Files.move(staged.file, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException sameBytesMeanwhile) {
            delete(staged.file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        staged.kept = true;
    }

    @Override
    public Optional<InputStream> open(TenantId tenant, ContentDigest digest) {
        try {
            return Optional.of(Files.newInputStream(contentPath(tenant, digest)));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void remove(TenantId tenant, ContentDigest digest) {
        delete(contentPath(tenant, digest));
    }

    @Override
    public int discardStagedBefore(TenantId tenant, Instant cutoff) {
        Path staging = tenantDirectory(tenant).resolve(STAGING);
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private Path tenantDirectory(TenantId tenant) {
        return root.resolve(tenant.value().toString());
    }

    private Path contentPath(TenantId tenant, ContentDigest digest) {
        String hex = digest.hex();
        return tenantDirectory(tenant)
                .resolve(CONTENT)
                .resolve(hex.substring(0, 2))
                .resolve(hex.substring(2, 4))
                .resolve(hex);
    }

    private static Path directories(Path directory) {
        try {
            if (POSIX) {
                FileAttribute<Set<java.nio.file.attribute.PosixFilePermission>> ownerOnly =
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
                return Files.createDirectories(directory, ownerOnly);
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static final class Staged implements StagedContent {
        private final TenantId tenant;
        private final Path file;
        private final ContentDigest digest;
        private final long size;
        private volatile boolean kept;

        Staged(TenantId tenant, Path file, ContentDigest digest, long size) {
            this.tenant = tenant;
            this.file = file;
            this.digest = digest;
            this.size = size;
        }

        @Override
        public TenantId tenant() {
            return tenant;
        }

        @Override
        public ContentDigest digest() {
            return digest;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (!kept) {
                delete(file);
            }
        }
    }
}
