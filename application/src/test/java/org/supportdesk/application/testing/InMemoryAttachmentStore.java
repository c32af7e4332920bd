package org.supportdesk.application.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.attachment.PayloadTooLarge;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.StagedContent;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Attachment bytes in memory, per tenant and digest, like the files of the local store. Like them, not part of any
 * transaction; staging reads no more than one byte past the limit, so a huge stream costs the limit, not its size.
 */
public final class InMemoryAttachmentStore implements AttachmentStore {
    private static final int BUFFER = 8192;

    private final TenantBinding binding;
    private final Map<TenantId, Map<ContentDigest, byte[]>> stored = new ConcurrentHashMap<>();
    private final Map<Staged, Boolean> staged = new ConcurrentHashMap<>();

    public InMemoryAttachmentStore(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public StagedContent stage(TenantId tenant, InputStream content, long maxBytes) {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try {
            while (true) {
                int wanted = (int) Math.min(buffer.length, maxBytes + 1 - total);
                int read = content.read(buffer, 0, wanted);
                if (read < 0) {
                    break;
                }
                total += read;
                if (total > maxBytes) {
                    throw new PayloadTooLarge("A file may have at most " + maxBytes + " bytes");
                }
                copy.write(buffer, 0, read);
                sha256.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Staged result =
                new Staged(tenant, new ContentDigest(HexFormat.of().formatHex(sha256.digest())), copy.toByteArray());
        staged.put(result, Boolean.TRUE);
        return result;
    }

    @Override
    public void keep(StagedContent content) {
        Staged kept = (Staged) content;
        binding.require(kept.tenant());
        if (staged.remove(kept) == null) {
            throw new IllegalStateException("not staged here, or kept or discarded already");
        }
        stored.computeIfAbsent(kept.tenant(), t -> new ConcurrentHashMap<>()).putIfAbsent(kept.digest(), kept.bytes);
    }

    @Override
    public Optional<InputStream> open(TenantId tenant, ContentDigest digest) {
        binding.require(tenant);
        return Optional.ofNullable(stored.getOrDefault(tenant, Map.of()).get(digest))
                .map(ByteArrayInputStream::new);
    }

    @Override
    public void remove(TenantId tenant, ContentDigest digest) {
        binding.require(tenant);
        stored.getOrDefault(tenant, new LinkedHashMap<>()).remove(digest);
    }

    @Override
    public int discardStagedBefore(TenantId tenant, Instant cutoff) {
        binding.require(tenant);
        return 0; // nothing survives a crash in memory
    }

    /** The digests stored for {@code tenant}, for tests. */
    public Set<ContentDigest> storedOf(TenantId tenant) {
        return Set.copyOf(stored.getOrDefault(tenant, Map.of()).keySet());
    }

    /** How many staged uploads are neither kept nor discarded, for tests: zero once every upload finished. */
    public int stagedCount() {
        return staged.size();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private final class Staged implements StagedContent {
        private final TenantId tenant;
        private final ContentDigest digest;
        private final byte[] bytes;

        Staged(TenantId tenant, ContentDigest digest, byte[] bytes) {
            this.tenant = tenant;
            this.digest = digest;
            this.bytes = bytes;
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
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void close() {
            staged.remove(this);
        }
    }
}
